package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/sheet"
	"github.com/zhifa/zhifa/policies"
)

// RowError and ImportError report a refused import, row by row
// (authority's rules of imported rows).
type (
	RowError    = authority.RowError
	ImportError = authority.ImportError
)

// ImportOptions say who imports and what they may touch.
type ImportOptions struct {
	By Actor
	// MayManage says whether the importer may manage obj at agency; nil
	// allows everything (the command line, run by the operator).
	MayManage func(agencyID string, obj policies.Object) bool
	// DefaultAgencyID is the power list a new item goes on when its row
	// names none.
	DefaultAgencyID string
	// BcryptCost is the cost of initial password hashes; 0 means
	// bcrypt.DefaultCost.
	BcryptCost int
}

func (o ImportOptions) may(agencyID string, obj policies.Object) bool {
	return o.MayManage == nil || o.MayManage(agencyID, obj)
}

// mapColumns finds the columns of t's header.
func mapColumns(t sheet.Table, cols []authority.Column) (map[string]int, []RowError) {
	return authority.MapColumns(t.Header, cols)
}

// cells reads one row by column name.
type cells struct {
	row sheet.Row
	at  map[string]int
}

func (c cells) get(name string) string {
	i, ok := c.at[name]
	if !ok {
		return ""
	}
	return c.row.Cell(i)
}

// errs collects row errors.
type errs = authority.RowErrors

func levelList(s string) []string {
	var out []string
	for _, v := range sheet.List(s) {
		out = append(out, authority.LevelCell(v))
	}
	return out
}

// dateCell reads a date cell as YYYY-MM-DD; "" stays "".
func dateCell(e *errs, line int, column, v string) (string, bool) {
	if v == "" {
		return "", true
	}
	d, err := sheet.Date(v)
	if err != nil {
		e.Add(line, column, "不是有效日期："+v+"（应为 YYYY-MM-DD）", "not a date: "+v+" (want YYYY-MM-DD)")
		return "", false
	}
	return d.String(), true
}

// OfficerImport is what an officer import did.
type OfficerImport struct {
	OfficersCreated     int `json:"officers_created"`
	RolesAssigned       int `json:"roles_assigned"`
	CertificatesCreated int `json:"certificates_created"`
	CertificatesUpdated int `json:"certificates_updated"`
}

// officerPlan is one officer of an import: created or already there.
type officerPlan struct {
	officer  Officer
	password string
	exists   bool
	line     int
}

type certPlan struct {
	cert    Certificate
	exists  bool
	changes []FieldChange
}

// ImportOfficers imports a list of officers, their roles and certificates,
// one row per officer and certificate (an officer with two certificates has
// two rows). A new officer needs an initial password; an officer already
// there keeps theirs (the column is ignored for them, so that the same
// roster imports again without change) and gains the roles listed (officer
// when a new officer's row lists none). A certificate already there, held by the same
// officer, takes the row's issuer, fields, region and validity, recorded in
// its history. Every row is checked first; any error refuses the whole
// file with every row error (*ImportError) and nothing is written.
func (s *Store) ImportOfficers(ctx context.Context, t sheet.Table, o ImportOptions) (OfficerImport, error) {
	var res OfficerImport
	at, headerErrs := mapColumns(t, authority.OfficerColumns)
	if len(headerErrs) > 0 {
		return res, &ImportError{Rows: headerErrs}
	}
	db := s.db.WithContext(ctx)
	agencies, err := agencyMap(db)
	if err != nil {
		return res, err
	}
	var logins, numbers []string
	for _, r := range t.Rows {
		c := cells{r, at}
		logins = append(logins, c.get("login"))
		numbers = append(numbers, c.get("certificate_number"))
	}
	var officerRows []officerRow
	if err := db.Where("login IN ? OR id IN ?", logins, logins).Find(&officerRows).Error; err != nil {
		return res, fmt.Errorf("import officers: %w", err)
	}
	existing := map[string]Officer{}
	for _, r := range officerRows {
		existing[r.Login] = officerFromRow(r)
	}
	var certRows []certificateRow
	if err := db.Where("number IN ?", numbers).Find(&certRows).Error; err != nil {
		return res, fmt.Errorf("import officers: %w", err)
	}
	certs := map[string]Certificate{}
	for _, r := range certRows {
		certs[r.Number] = certificateFromRow(r)
	}

	var e errs
	var officers []*officerPlan
	byLogin := map[string]*officerPlan{}
	var roles []RoleAssignment
	var certPlans []certPlan
	certLine := map[string]int{}
	for _, r := range t.Rows {
		c, line := cells{r, at}, r.Line
		o2 := Officer{Login: c.get("login"), Name: c.get("name"), AgencyID: c.get("agency_id")}
		o2.ID = o2.Login
		if ref := authority.CheckOfficer(o2.Login, o2.Name); ref != nil {
			e.Refusal(line, "login", ref)
			continue
		}
		agency, ok := agencies[o2.AgencyID]
		switch {
		case !ok:
			e.Add(line, "agency_id", "机关不存在："+o2.AgencyID, "no such agency: "+o2.AgencyID)
			continue
		case !o.may(agency.ID, policies.ObjOfficer):
			e.Add(line, "agency_id", "您无权管理 "+agency.Name+" 的人员", "you may not manage officers of "+agency.ID)
			continue
		}
		pw := c.get("password")
		plan, seen := byLogin[o2.Login]
		switch {
		case seen:
			if plan.officer.Name != o2.Name || plan.officer.AgencyID != o2.AgencyID {
				e.Add(line, "name", fmt.Sprintf("登录名 %s 在第 %d 行的姓名或机关与本行不同", o2.Login, plan.line),
					fmt.Sprintf("login %s has another name or agency on row %d", o2.Login, plan.line))
				continue
			}
			if pw != "" && plan.password != "" && pw != plan.password {
				e.Add(line, "password", fmt.Sprintf("登录名 %s 已在第 %d 行设置了初始密码", o2.Login, plan.line),
					fmt.Sprintf("login %s already has an initial password on row %d", o2.Login, plan.line))
				continue
			}
			if plan.password == "" && !plan.exists {
				plan.password = pw
			}
		default:
			plan = &officerPlan{officer: o2, password: pw, line: line}
			if old, ok := existing[o2.Login]; ok {
				plan.exists = true
				switch {
				case old.AgencyID != o2.AgencyID && !o.may(old.AgencyID, policies.ObjOfficer):
					// Someone of an agency the importer does not manage: say
					// no more than that the login is taken.
					e.Add(line, "login", "登录名 "+o2.Login+" 已被使用", "login "+o2.Login+" is taken")
					continue
				case old.AgencyID != o2.AgencyID:
					e.Add(line, "agency_id", "登录名 "+o2.Login+" 已属于机关 "+old.AgencyID, "login "+o2.Login+" already belongs to agency "+old.AgencyID)
					continue
				case old.Name != o2.Name:
					e.Add(line, "name", "登录名 "+o2.Login+" 已有人员，姓名为 "+old.Name, "login "+o2.Login+" is already "+old.Name)
					continue
				}
			}
			byLogin[o2.Login] = plan
			officers = append(officers, plan)
		}

		roleCell := sheet.List(c.get("roles"))
		if len(roleCell) == 0 && !plan.exists {
			roleCell = []string{string(casefile.RoleOfficer)}
		}
		for _, v := range roleCell {
			ra := RoleAssignment{OfficerID: o2.ID, AgencyID: o2.AgencyID, Role: authority.RoleCell(v)}
			if ref := authority.CheckRole(ra.Role, ra.AgencyID, agencies); ref != nil {
				e.Refusal(line, "roles", ref)
				continue
			}
			if !slices.Contains(roles, ra) {
				roles = append(roles, ra)
			}
		}

		number := c.get("certificate_number")
		if number == "" {
			for _, col := range []string{"issued_by", "fields", "region", "valid_from", "valid_until"} {
				if c.get(col) != "" {
					e.Add(line, "certificate_number", "填写了执法证信息但缺少执法证号", "certificate details without a certificate number")
					break
				}
			}
			continue
		}
		if !o.may(agency.ID, policies.ObjCertificate) {
			e.Add(line, "certificate_number", "您无权管理 "+agency.Name+" 的执法证", "you may not manage certificates of "+agency.ID)
			continue
		}
		if prev, dup := certLine[number]; dup {
			e.Add(line, "certificate_number", fmt.Sprintf("执法证号 %s 与第 %d 行重复", number, prev), fmt.Sprintf("certificate %s repeats row %d", number, prev))
			continue
		}
		certLine[number] = line
		from, ok1 := dateCell(&e, line, "valid_from", c.get("valid_from"))
		until, ok2 := dateCell(&e, line, "valid_until", c.get("valid_until"))
		if !ok1 || !ok2 {
			continue
		}
		cert := Certificate{Number: number, OfficerID: o2.ID, IssuedBy: c.get("issued_by"), Fields: sheet.List(c.get("fields")),
			Region: c.get("region"), Status: CertificateValid}
		if from != "" {
			d, _ := calendar.ParseDate(from)
			cert.ValidFrom = calendar.StartOfDay(d)
		}
		if until != "" {
			d, _ := calendar.ParseDate(until)
			cert.ValidUntil = calendar.EndOfDay(d)
		}
		if ref := authority.CheckCertificate(cert); ref != nil {
			e.Refusal(line, "certificate_number", ref)
			continue
		}
		cp := certPlan{cert: cert}
		if old, ok := certs[number]; ok {
			switch {
			case old.OfficerID != o2.ID:
				// Whose it is stays unsaid: the holder may be of an agency
				// the importer does not manage.
				e.Add(line, "certificate_number", "执法证号 "+number+" 已属于其他人员", "certificate "+number+" belongs to another officer")
				continue
			case old.Status == CertificateRevoked:
				e.Add(line, "certificate_number", "执法证 "+number+" 已吊销，不能导入修改", "certificate "+number+" is revoked and cannot change")
				continue
			}
			cp.exists = true
			cp.cert, cp.changes = authority.ApplyCertificateUpdate(old, CertificateUpdate{IssuedBy: &cert.IssuedBy, Fields: &cert.Fields,
				Region: &cert.Region, ValidFrom: &cert.ValidFrom, ValidUntil: &cert.ValidUntil})
		}
		certPlans = append(certPlans, cp)
	}
	for _, p := range officers {
		if !p.exists {
			if ref := authority.CheckPassword(p.password); ref != nil {
				e.Add(p.line, "password", "新人员须有初始密码："+ref.Zh, "a new officer needs an initial password: "+ref.En)
			}
		}
	}
	if err := e.Err(); err != nil {
		return res, err
	}

	for _, p := range officers {
		if p.exists {
			continue
		}
		h, err := authority.HashPassword(p.password, o.BcryptCost)
		if err != nil {
			return res, fmt.Errorf("hash password of %s: %w", p.officer.Login, err)
		}
		p.officer.PasswordHash = h
	}

	err = db.Transaction(func(tx *gorm.DB) error {
		res = OfficerImport{}
		for _, p := range officers {
			if p.exists {
				continue
			}
			off := p.officer
			row := officerRow{ID: off.ID, Login: off.Login, Name: off.Name, PasswordHash: off.PasswordHash, AgencyID: off.AgencyID}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("create officer %s: %w", off.Login, err)
			}
			if err := writeAudit(tx, o.By, change{action: AuditOfficerCreated, target: off.ID, officer: row, reason: importReason,
				after: officerView{Login: off.Login, Name: off.Name, AgencyID: off.AgencyID}}); err != nil {
				return err
			}
			res.OfficersCreated++
		}
		for _, ra := range roles {
			var n int64
			if err := tx.Model(&roleRow{}).Where("officer_id = ? AND agency_id = ? AND role = ?", ra.OfficerID, ra.AgencyID, string(ra.Role)).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			if _, err := putRole(tx, ra); err != nil {
				return err
			}
			holder, err := officerRowOf(tx, ra.OfficerID)
			if err != nil {
				return err
			}
			if err := writeAudit(tx, o.By, change{action: AuditRoleAssigned, target: ra.OfficerID, officer: holder,
				roleAgencyID: ra.AgencyID, reason: importReason, after: roleView{ra.AgencyID, string(ra.Role)}}); err != nil {
				return err
			}
			res.RolesAssigned++
		}
		for _, cp := range certPlans {
			switch {
			case !cp.exists:
				if err := createCertificate(tx, cp.cert, o.By, CertImported, importReason); err != nil {
					return err
				}
				res.CertificatesCreated++
			case len(cp.changes) > 0:
				if err := writeCertificate(tx, cp.cert); err != nil {
					return err
				}
				if err := addCertificateHistory(tx, cp.cert, o.By, CertImported, cp.cert.Status, cp.cert.Status,
					importReason, cp.changes); err != nil {
					return err
				}
				res.CertificatesUpdated++
			}
		}
		return nil
	})
	if err != nil {
		return OfficerImport{}, importConflict(err)
	}
	return res, nil
}

// importReason is the reason the history and the audit log give for what
// an import wrote.
const importReason = "批量导入 / bulk import"

// importConflict turns a clash with a write made since the rows were
// checked (a login or number taken meanwhile) into a Refusal.
func importConflict(err error) error {
	var r *Refusal
	if errors.As(err, &r) || !errors.Is(err, gorm.ErrDuplicatedKey) {
		return err
	}
	return conflict("import_conflict", "导入期间数据已被他人修改，未导入任何数据，请重试", "the data changed during the import; nothing was imported, try again")
}

// PowerImport is what a power-list import did.
type PowerImport struct {
	ItemsCreated int `json:"items_created"`
	ItemsUpdated int `json:"items_updated"`
	ChangesAdded int `json:"changes_added"`
	Unchanged    int `json:"unchanged"`
}

// ImportPowerItems imports a power list: each row an item and one status
// change from its effective date. A new item's first row puts it in force
// with its name, kind, field, legal basis and levels; later rows (in the
// file or in later files) add changes: cancelled, devolved (to_level; to
// townships with the published provincial decision, PL 24), delegated,
// merged, internal. A row repeating a change already recorded changes
// nothing. Any error refuses the whole file (*ImportError), nothing written.
func (s *Store) ImportPowerItems(ctx context.Context, t sheet.Table, o ImportOptions) (PowerImport, error) {
	var res PowerImport
	at, headerErrs := mapColumns(t, authority.PowerItemColumns)
	if len(headerErrs) > 0 {
		return res, &ImportError{Rows: headerErrs}
	}
	var e errs
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		agencies, err := agencyMap(tx)
		if err != nil {
			return err
		}
		exists := func(code string) bool { return itemExists(tx, code) }
		for _, r := range t.Rows {
			c, line := cells{r, at}, r.Line
			code := c.get("code")
			if ref := authority.CheckCode("code", code, 64); ref != nil {
				e.Refusal(line, "code", ref)
				continue
			}
			var row powerItemRow
			found := true
			if err := first(tx.Where("code = ?", code), &row); errors.Is(err, ErrNotFound) {
				found = false
			} else if err != nil {
				return err
			}
			item := powerItemFromRow(row)
			given := PowerItem{Code: code, Name: c.get("name"), Kind: authority.KindCell(c.get("kind")), Field: c.get("field"),
				LegalBasis: c.get("legal_basis"), Levels: levelList(c.get("levels")), AgencyID: c.get("agency_id")}
			effective, ok1 := dateCell(&e, line, "effective_on", c.get("effective_on"))
			published, ok2 := dateCell(&e, line, "published_on", c.get("published_on"))
			if !ok1 || !ok2 {
				continue
			}
			status := authority.StatusCell(c.get("status"))
			ch := PowerItemChange{Code: code, Status: status, EffectiveOn: effective, ToLevel: authority.LevelCell(c.get("to_level")),
				MergedInto: c.get("merged_into"), DelegatedTo: c.get("delegated_to"), DecisionNumber: c.get("decision_number"),
				DecisionBy: c.get("decision_by"), PublishedOn: published, Note: c.get("note")}
			if status == PowerInForce || status == PowerDevolved {
				ch.Levels = given.Levels
			}

			if !found {
				if given.AgencyID == "" {
					given.AgencyID = o.DefaultAgencyID
				}
				if given.AgencyID != "" && !o.may(given.AgencyID, policies.ObjPowerItem) {
					e.Add(line, "agency_id", "您无权管理机关 "+given.AgencyID+" 的权力清单", "you may not manage the power list of "+given.AgencyID)
					continue
				}
				if ref := createPowerItem(tx, given, ch, o.By, agencies, exists); ref != nil {
					var rf *Refusal
					if !errors.As(ref, &rf) || rf.Conflict {
						return ref // a clash with a concurrent write: the transaction is spent
					}
					e.Refusal(line, "code", rf)
					continue
				}
				res.ItemsCreated++
				continue
			}

			if !o.may(item.AgencyID, policies.ObjPowerItem) {
				e.Add(line, "code", "您无权管理事项 "+code+" 所在的权力清单", "you may not manage the power list holding "+code)
				continue
			}
			if given.AgencyID != "" && given.AgencyID != item.AgencyID {
				e.Add(line, "agency_id", "事项 "+code+" 属于机关 "+item.AgencyID+" 的清单，不能通过导入改属其他机关",
					"item "+code+" is on the list of "+item.AgencyID+"; an import cannot move it")
				continue
			}
			updated := item
			if given.Name != "" {
				updated.Name = given.Name
			}
			if given.Kind != "" {
				updated.Kind = given.Kind
			}
			if given.Field != "" {
				updated.Field = given.Field
			}
			if given.LegalBasis != "" {
				updated.LegalBasis = given.LegalBasis
			}
			if ref := authority.CheckPowerItem(updated); ref != nil {
				e.Refusal(line, "code", ref)
				continue
			}
			if ref := authority.CheckChange(updated, ch, agencies, exists); ref != nil {
				e.Refusal(line, "status", ref)
				continue
			}
			if updated.Name != item.Name || updated.Kind != item.Kind || updated.Field != item.Field || updated.LegalBasis != item.LegalBasis {
				if err := tx.Model(&powerItemRow{}).Where("code = ?", code).Updates(map[string]any{
					"name": updated.Name, "kind": updated.Kind, "field": updated.Field, "legal_basis": updated.LegalBasis}).Error; err != nil {
					return fmt.Errorf("update power item %s: %w", code, err)
				}
				res.ItemsUpdated++
			}
			var n int64
			if err := tx.Model(&powerItemChangeRow{}).Where("code = ? AND status = ? AND effective_on = ? AND to_level = ? AND merged_into = ? AND delegated_to = ? AND levels = ?",
				ch.Code, ch.Status, ch.EffectiveOn, ch.ToLevel, ch.MergedInto, ch.DelegatedTo, joinList(ch.Levels)).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				res.Unchanged++
				continue
			}
			if err := addPowerChange(tx, updated, ch, o.By); err != nil {
				return err
			}
			res.ChangesAdded++
		}
		return e.Err()
	})
	if err != nil {
		return PowerImport{}, importConflict(err)
	}
	return res, nil
}
