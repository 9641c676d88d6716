package store

// identityTables are the tables of logins and sessions, migrated by Migrate.
var identityTables = []any{}
