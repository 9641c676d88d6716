package casefile

// Rules is an agency's rule pack (规则包): the figures the law leaves to a
// sector or a province, effective-dated. A procedure reads the pack in
// force at the moment of an act (through an activity, so that a case
// replays with the figures it was decided under) and keeps what it read in
// the case, with the pack's version.
//
// Amounts are in fen (分), like every amount of the record.
type Rules struct {
	// AgencyID is the agency whose pack this is; "" for the built-in pack.
	AgencyID string `json:"agency_id,omitempty"`
	// Version numbers the agency's packs; EffectiveFrom is the first
	// Beijing day (YYYY-MM-DD) it governs.
	Version       int    `json:"version"`
	EffectiveFrom string `json:"effective_from"`
	// Basis names the rule the figures come from, e.g. 市场监督管理行政处罚听证办法第五条.
	Basis string `json:"basis,omitempty"`

	// HearingFine is the 较大数额 fine from which a party has the right to a
	// hearing (PL 63(1)), by party kind (person, organization).
	HearingFine PartyAmounts `json:"hearing_fine"`
	// HearingConfiscation is the 较大数额/较大价值 of confiscated gains or
	// property from which a party has the right to a hearing (PL 63(2)).
	HearingConfiscation PartyAmounts `json:"hearing_confiscation"`
	// ReviewAfterHearing: legal review is done again after a hearing
	// (SAMR 50 ¶2).
	ReviewAfterHearing bool `json:"review_after_hearing"`
	// MajorCaseFine is the fine from which a case is major and its decision
	// needs the heads' collective discussion (PL 57 ¶2; SAMR 60 ¶2); zero
	// means only the head marks a case major.
	MajorCaseFine PartyAmounts `json:"major_case_fine"`
	// CollectiveHeads is how many heads a collective discussion needs.
	CollectiveHeads int `json:"collective_heads"`
	// CreditRegistry: penalty decisions on enterprises are also published
	// in the 国家企业信用信息公示系统 within 20 working days, warnings alone
	// excepted (SAMR-PUB 2, 9) — the market regulators' channel.
	CreditRegistry bool `json:"credit_registry"`
	// FreezePower: a law empowers the agency to freeze deposits and
	// remittances (CL 29 ¶1: 冻结存款、汇款应当由法律规定的行政机关实施).
	FreezePower bool `json:"freeze_power"`
	// ExecutionPower: a law gives the agency the power to execute its own
	// decisions (CL 13 ¶1, 34); without it the agency applies to the
	// people's court (CL 13 ¶2, 53–54).
	ExecutionPower bool `json:"execution_power"`
	// Publication is how penalty decisions are published: the lower fine
	// and the terms of publication (SAMR-PUB 13), and whether warnings
	// alone are left out (SAMR-PUB 2). The zero value is the built-in rule.
	Publication PublicationRules `json:"publication"`
	// WarnWorkdays is, per step (a time limit's name, e.g. decision,
	// statement, payment), how many working days before a deadline passes
	// the people responsible are warned: 1 is the start of the last day, 2
	// (the default, DefaultWarnWorkdays) the start of the working day before.
	WarnWorkdays map[string]int `json:"warn_workdays,omitempty"`
}

// DefaultWarnWorkdays is how many working days before a deadline passes
// the people responsible are warned, unless the rule pack says otherwise.
const DefaultWarnWorkdays = 2

// WarnFor is the warning, in working days, of a step.
func (r Rules) WarnFor(step string) int {
	if n, ok := r.WarnWorkdays[step]; ok && n > 0 {
		return n
	}
	return DefaultWarnWorkdays
}

// PartyAmounts is an amount by party kind, in fen.
type PartyAmounts struct {
	Person       int64 `json:"person"`
	Organization int64 `json:"organization"`
}

// For is the amount for a party kind (person or organization).
func (a PartyAmounts) For(partyKind string) int64 {
	if partyKind == "person" {
		return a.Person
	}
	return a.Organization
}

// BuiltinRules is the pack every agency has until it declares its own: the
// SAMR hearing rules (市场监督管理行政处罚听证办法 2021, art 5: fines of
// 10,000 yuan for a person and 100,000 yuan for an organization;
// confiscation of the same values), review after a hearing (SAMR 50 ¶2)
// and a collective discussion of at least two heads. Publication in the
// enterprise credit registry is for the market regulators to switch on in
// their own pack. Decisions are published 3 months when minor (a fine
// below 10,000 元), 3 years otherwise, warnings included (SAMR-PUB 13).
func BuiltinRules() Rules {
	return Rules{
		Version: 0, EffectiveFrom: "2021-07-15", Basis: "市场监督管理行政处罚听证办法（2021）第五条；市场监管行政处罚程序规定第五十条",
		HearingFine:         PartyAmounts{Person: 10_000_00, Organization: 100_000_00},
		HearingConfiscation: PartyAmounts{Person: 10_000_00, Organization: 100_000_00},
		ReviewAfterHearing:  true,
		CollectiveHeads:     2,
		Publication:         PublicationRules{MinorFine: DefaultMinorFine, MinorMonths: DefaultMinorMonths, Months: DefaultMonths},
	}
}

// PublicationRules are a rule pack's figures of the publication of penalty
// decisions (行政执法公示). A zero figure is the built-in one, so that a
// pack saved, or a case served, before the figures existed keeps the rule
// it had: a fine below 10,000 元 is lower (较低数额罚款, SAMR-PUB 13 leaves
// the amount to the provincial market regulator), published 3 months
// alone or with a warning or circulated criticism, 3 years otherwise
// (SAMR-PUB 13), and warnings are published.
type PublicationRules struct {
	// MinorFine is the lower fine, in fen: a fine below it is 较低数额罚款.
	MinorFine int64 `json:"minor_fine"`
	// MinorMonths is the term of a minor penalty, in months; Months the
	// term of every other.
	MinorMonths int `json:"minor_months"`
	Months      int `json:"months"`
	// OmitWarnings: a decision that only warns is not published, where the
	// sector rule says so (SAMR-PUB 2: 警告 is not published in the credit
	// registry, and a market regulator may apply it to its own site).
	OmitWarnings bool `json:"omit_warnings"`
}

// The built-in figures of publication (SAMR-PUB 13).
const (
	DefaultMinorFine   int64 = 10_000_00 // fen: 1 万元
	DefaultMinorMonths       = 3
	DefaultMonths            = 36
)

// Effective is p with its zero figures replaced by the built-in ones.
func (p PublicationRules) Effective() PublicationRules {
	if p.MinorFine <= 0 {
		p.MinorFine = DefaultMinorFine
	}
	if p.MinorMonths <= 0 {
		p.MinorMonths = DefaultMinorMonths
	}
	if p.Months <= 0 {
		p.Months = DefaultMonths
	}
	return p
}

// WarningOnly tells whether a penalty of kinds with fine (in fen) only
// warns: no kind but 警告, and no fine.
func WarningOnly(kinds []string, fine int64) bool {
	if len(kinds) == 0 || fine != 0 {
		return false
	}
	for _, k := range kinds {
		if k != "warning" {
			return false
		}
	}
	return true
}
