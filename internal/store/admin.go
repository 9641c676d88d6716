package store

// adminTables are the tables of administrable master data and its history,
// migrated by Migrate.
var adminTables = []any{}
