package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/sheet"
	"github.com/zhifa/zhifa/policies"
)

// RowError is what is wrong with one cell of an imported table: its line in
// the file (the header is line 1), its column and why, in Chinese and
// English.
type RowError struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// ImportError refuses a whole import and lists every row error: nothing of
// the file was written.
type ImportError struct {
	Rows []RowError
}

func (e *ImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "import refused, %d errors, nothing imported", len(e.Rows))
	for _, r := range e.Rows {
		fmt.Fprintf(&b, "\n  row %d, column %s: %s", r.Row, r.Column, r.Message)
	}
	return b.String()
}

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

// column is a column an import reads: its name in errors and the headers
// that mean it (compared without case, spaces and a trailing *).
type column struct {
	name     string
	aliases  []string
	required bool
}

// OfficerColumns are the columns of an officer and certificate list.
var OfficerColumns = []column{
	{"login", []string{"登录名", "账号", "用户名"}, true},
	{"name", []string{"姓名"}, true},
	{"agency_id", []string{"机关编号", "所属机关编号", "机关"}, true},
	{"roles", []string{"角色"}, false},
	{"password", []string{"初始密码", "密码"}, false},
	{"certificate_number", []string{"执法证号", "证件编号", "执法证编号"}, false},
	{"issued_by", []string{"发证机关"}, false},
	{"fields", []string{"执法领域", "执法类别"}, false},
	{"region", []string{"执法区域"}, false},
	{"valid_from", []string{"有效期起", "有效期自", "发证日期"}, false},
	{"valid_until", []string{"有效期至", "有效期止", "有效期截止"}, false},
}

// PowerItemColumns are the columns of a power list.
var PowerItemColumns = []column{
	{"code", []string{"事项编码", "编码"}, true},
	{"name", []string{"事项名称", "名称"}, false},
	{"kind", []string{"事项类型", "类型", "权力类型"}, false},
	{"field", []string{"执法领域", "领域"}, false},
	{"legal_basis", []string{"设定依据", "法律依据", "实施依据"}, false},
	{"levels", []string{"行使层级", "层级"}, false},
	{"agency_id", []string{"清单机关", "所属机关编号"}, false},
	{"status", []string{"状态", "调整方式"}, false},
	{"effective_on", []string{"生效日期", "施行日期"}, true},
	{"to_level", []string{"下放层级", "下放至"}, false},
	{"merged_into", []string{"合并至", "并入事项"}, false},
	{"delegated_to", []string{"受委托组织"}, false},
	{"decision_number", []string{"决定文号", "文号"}, false},
	{"decision_by", []string{"决定机关"}, false},
	{"published_on", []string{"公布日期", "发布日期"}, false},
	{"note", []string{"备注"}, false},
}

// Header names of each column, in order, for templates.
func columnNames(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

// OfficerHeader and PowerItemHeader are the header lines of the templates.
var (
	OfficerHeader   = columnNames(OfficerColumns)
	PowerItemHeader = columnNames(PowerItemColumns)
)

func normHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.TrimSuffix(strings.TrimSuffix(h, "*"), "＊")
	return strings.Join(strings.Fields(h), "")
}

// mapColumns finds each known column in the header; an unknown, repeated or
// missing required column is an error of line 1.
func mapColumns(t sheet.Table, cols []column) (map[string]int, []RowError) {
	at := map[string]int{}
	var errs []RowError
	for i, h := range t.Header {
		if h == "" {
			continue
		}
		n := normHeader(h)
		found := ""
		for _, c := range cols {
			if n == c.name || slices.ContainsFunc(c.aliases, func(a string) bool { return normHeader(a) == n }) {
				found = c.name
				break
			}
		}
		switch _, dup := at[found]; {
		case found == "":
			errs = append(errs, RowError{1, h, fmt.Sprintf("未知的列 %q / unknown column %q (known: %s)", h, h, strings.Join(columnNames(cols), ", "))})
		case dup:
			errs = append(errs, RowError{1, h, fmt.Sprintf("列 %s 出现了两次 / column %s appears twice", found, found)})
		default:
			at[found] = i
		}
	}
	for _, c := range cols {
		if _, ok := at[c.name]; !ok && c.required {
			errs = append(errs, RowError{1, c.name, fmt.Sprintf("缺少必填列 %s / required column %s is missing", c.name, c.name)})
		}
	}
	return at, errs
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
type errs struct{ rows []RowError }

func (e *errs) add(line int, column, zh, en string) {
	e.rows = append(e.rows, RowError{Row: line, Column: column, Message: zh + " / " + en})
}

// refusal adds a Refusal, at its own field if it names one.
func (e *errs) refusal(line int, column string, r *Refusal) {
	if r.Field != "" {
		column = r.Field
	}
	e.add(line, column, r.Zh, r.En)
}

var roleAliases = map[string]casefile.Role{
	"执法人员": casefile.RoleOfficer, "办案人员": casefile.RoleOfficer, "法制审核人员": casefile.RoleReviewer, "审核人员": casefile.RoleReviewer,
	"负责人": casefile.RoleHead, "行政机关负责人": casefile.RoleHead, "主要负责人": casefile.RolePrincipalHead,
	"听证主持人": casefile.RoleHearingHost, "执法监督": casefile.RoleManager, "执法监督人员": casefile.RoleManager,
	"系统管理员": casefile.RoleAdmin, "管理员": casefile.RoleAdmin,
}

var levelAliases = map[string]casefile.Level{
	"省": casefile.LevelProvince, "省级": casefile.LevelProvince, "市": casefile.LevelCity, "市级": casefile.LevelCity,
	"设区的市": casefile.LevelCity, "县": casefile.LevelCounty, "县级": casefile.LevelCounty, "区": casefile.LevelCounty,
	"县（区）": casefile.LevelCounty, "县(区)": casefile.LevelCounty, "乡": casefile.LevelTownship, "镇": casefile.LevelTownship,
	"乡镇": casefile.LevelTownship, "街道": casefile.LevelTownship, "乡镇（街道）": casefile.LevelTownship, "乡镇(街道)": casefile.LevelTownship,
	"乡镇街道": casefile.LevelTownship,
}

var kindAliases = map[string]string{"行政处罚": KindPenalty, "处罚": KindPenalty, "行政强制措施": KindCompulsoryMeasure,
	"强制措施": KindCompulsoryMeasure, "行政强制执行": KindCompulsoryExecution, "强制执行": KindCompulsoryExecution}

var statusAliases = map[string]string{"实施": PowerInForce, "在用": PowerInForce, "保留": PowerInForce, "新增": PowerInForce,
	"有效": PowerInForce, "直接行使": PowerInForce, "取消": PowerCancelled, "下放": PowerDevolved, "委托": PowerDelegated,
	"委托下放": PowerDelegated, "合并": PowerMerged, "转为内部管理": PowerInternal, "内部管理": PowerInternal}

func alias[T ~string](v string, aliases map[string]T) string {
	if a, ok := aliases[v]; ok {
		return string(a)
	}
	return strings.ToLower(v)
}

func levelList(s string) []string {
	var out []string
	for _, v := range sheet.List(s) {
		out = append(out, alias(v, levelAliases))
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
		e.add(line, column, "不是有效日期："+v+"（应为 YYYY-MM-DD）", "not a date: "+v+" (want YYYY-MM-DD)")
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
	at, headerErrs := mapColumns(t, OfficerColumns)
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
			e.refusal(line, "login", ref)
			continue
		}
		agency, ok := agencies[o2.AgencyID]
		switch {
		case !ok:
			e.add(line, "agency_id", "机关不存在："+o2.AgencyID, "no such agency: "+o2.AgencyID)
			continue
		case !o.may(agency.ID, policies.ObjOfficer):
			e.add(line, "agency_id", "您无权管理 "+agency.Name+" 的人员", "you may not manage officers of "+agency.ID)
			continue
		}
		pw := c.get("password")
		plan, seen := byLogin[o2.Login]
		switch {
		case seen:
			if plan.officer.Name != o2.Name || plan.officer.AgencyID != o2.AgencyID {
				e.add(line, "name", fmt.Sprintf("登录名 %s 在第 %d 行的姓名或机关与本行不同", o2.Login, plan.line),
					fmt.Sprintf("login %s has another name or agency on row %d", o2.Login, plan.line))
				continue
			}
			if pw != "" && plan.password != "" && pw != plan.password {
				e.add(line, "password", fmt.Sprintf("登录名 %s 已在第 %d 行设置了初始密码", o2.Login, plan.line),
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
					e.add(line, "login", "登录名 "+o2.Login+" 已被使用", "login "+o2.Login+" is taken")
					continue
				case old.AgencyID != o2.AgencyID:
					e.add(line, "agency_id", "登录名 "+o2.Login+" 已属于机关 "+old.AgencyID, "login "+o2.Login+" already belongs to agency "+old.AgencyID)
					continue
				case old.Name != o2.Name:
					e.add(line, "name", "登录名 "+o2.Login+" 已有人员，姓名为 "+old.Name, "login "+o2.Login+" is already "+old.Name)
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
			ra := RoleAssignment{OfficerID: o2.ID, AgencyID: o2.AgencyID, Role: casefile.Role(alias(v, roleAliases))}
			if ref := authority.CheckRole(ra.Role, ra.AgencyID, agencies); ref != nil {
				e.refusal(line, "roles", ref)
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
					e.add(line, "certificate_number", "填写了执法证信息但缺少执法证号", "certificate details without a certificate number")
					break
				}
			}
			continue
		}
		if !o.may(agency.ID, policies.ObjCertificate) {
			e.add(line, "certificate_number", "您无权管理 "+agency.Name+" 的执法证", "you may not manage certificates of "+agency.ID)
			continue
		}
		if prev, dup := certLine[number]; dup {
			e.add(line, "certificate_number", fmt.Sprintf("执法证号 %s 与第 %d 行重复", number, prev), fmt.Sprintf("certificate %s repeats row %d", number, prev))
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
			e.refusal(line, "certificate_number", ref)
			continue
		}
		cp := certPlan{cert: cert}
		if old, ok := certs[number]; ok {
			switch {
			case old.OfficerID != o2.ID:
				// Whose it is stays unsaid: the holder may be of an agency
				// the importer does not manage.
				e.add(line, "certificate_number", "执法证号 "+number+" 已属于其他人员", "certificate "+number+" belongs to another officer")
				continue
			case old.Status == CertificateRevoked:
				e.add(line, "certificate_number", "执法证 "+number+" 已吊销，不能导入修改", "certificate "+number+" is revoked and cannot change")
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
				e.add(p.line, "password", "新人员须有初始密码："+ref.Zh, "a new officer needs an initial password: "+ref.En)
			}
		}
	}
	if len(e.rows) > 0 {
		slices.SortStableFunc(e.rows, func(a, b RowError) int { return a.Row - b.Row })
		return res, &ImportError{Rows: e.rows}
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
	at, headerErrs := mapColumns(t, PowerItemColumns)
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
				e.refusal(line, "code", ref)
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
			given := PowerItem{Code: code, Name: c.get("name"), Kind: alias(c.get("kind"), kindAliases), Field: c.get("field"),
				LegalBasis: c.get("legal_basis"), Levels: levelList(c.get("levels")), AgencyID: c.get("agency_id")}
			effective, ok1 := dateCell(&e, line, "effective_on", c.get("effective_on"))
			published, ok2 := dateCell(&e, line, "published_on", c.get("published_on"))
			if !ok1 || !ok2 {
				continue
			}
			status := alias(c.get("status"), statusAliases)
			if status == "" {
				status = PowerInForce
			}
			ch := PowerItemChange{Code: code, Status: status, EffectiveOn: effective, ToLevel: alias(c.get("to_level"), levelAliases),
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
					e.add(line, "agency_id", "您无权管理机关 "+given.AgencyID+" 的权力清单", "you may not manage the power list of "+given.AgencyID)
					continue
				}
				if ref := createPowerItem(tx, given, ch, o.By, agencies, exists); ref != nil {
					var rf *Refusal
					if !errors.As(ref, &rf) || rf.Conflict {
						return ref // a clash with a concurrent write: the transaction is spent
					}
					e.refusal(line, "code", rf)
					continue
				}
				res.ItemsCreated++
				continue
			}

			if !o.may(item.AgencyID, policies.ObjPowerItem) {
				e.add(line, "code", "您无权管理事项 "+code+" 所在的权力清单", "you may not manage the power list holding "+code)
				continue
			}
			if given.AgencyID != "" && given.AgencyID != item.AgencyID {
				e.add(line, "agency_id", "事项 "+code+" 属于机关 "+item.AgencyID+" 的清单，不能通过导入改属其他机关",
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
				e.refusal(line, "code", ref)
				continue
			}
			if ref := authority.CheckChange(updated, ch, agencies, exists); ref != nil {
				e.refusal(line, "status", ref)
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
		if len(e.rows) > 0 {
			return &ImportError{Rows: e.rows}
		}
		return nil
	})
	if err != nil {
		return PowerImport{}, importConflict(err)
	}
	return res, nil
}
