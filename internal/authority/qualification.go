package authority

import (
	"cloud.google.com/go/civil"

	"github.com/zhifa/zhifa/internal/calendar"
)

// LegalQualification is an officer's legal professional qualification
// (法律职业资格), which a person needs before reviewing penalty decisions
// for the first time (PL 58 ¶2; SAMR 51 ¶2): the certificate's number and,
// when known, the day it was obtained.
type LegalQualification struct {
	Number     string `json:"number"`
	ObtainedOn string `json:"obtained_on,omitempty"` // YYYY-MM-DD (Beijing)
}

// MaxQualificationNumber is the longest certificate number taken.
const MaxQualificationNumber = 64

// CheckLegalQualification refuses a qualification without a well-formed
// number, or obtained on a day that is not a date or is after today (the
// Beijing day it is recorded).
func CheckLegalQualification(q LegalQualification, today civil.Date) *Refusal {
	if r := first(CheckCode("number", q.Number, MaxQualificationNumber), CheckDate("obtained_on", q.ObtainedOn, false)); r != nil {
		return r
	}
	if d, err := calendar.ParseDate(q.ObtainedOn); err == nil && d.After(today) {
		return Refuse("invalid_input", "obtained_on 不能晚于今天（%s）：%s", "obtained_on cannot be after today (%s): %s",
			today, q.ObtainedOn, today, q.ObtainedOn).On("obtained_on")
	}
	return nil
}
