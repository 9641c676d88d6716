package workflows

import (
	"encoding/json"
	"slices"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Audio-video recording (音像记录) of acts, part of the full-process record
// (执法全过程记录, PL 47; HB (八); SAMR 44). HB (八) names two degrees:
//
//   - the whole act on video (全程音像记录): on-site acts that directly touch
//     personal liberty, life and health, major property rights or the
//     disposal of confiscated property, such as sealing and seizing
//     property (查封扣押财产) and forced demolition (强制拆除);
//   - the steps that need it as the case requires (根据实际进行相关环节的音像
//     记录), because they are prone to dispute: on-site enforcement,
//     investigation, hearings (举行听证), leaving a document (留置送达) and
//     service by public notice (公告送达).
//
// HB (八) lets a text record stand alone where it records the act fully
// (文字记录能够全面有效记录执法行为的，可以不进行音像记录): the routine
// investigation and on-site acts, whose record and evidence files are the
// act itself, are therefore not listed; the acts below are the ones the
// texts name.

// RecordingRule is an act that calls for an audio-video recording.
type RecordingRule struct {
	Act casefile.Act
	// Full: the whole act is recorded (全程音像记录); otherwise the record
	// is asked for as the case requires (根据实际).
	Full bool
	// Basis cites the rule, in Chinese and English.
	Basis [2]string
	// applies tells whether one occurrence of the act calls for it, from
	// its recorded input and the case's earlier events; nil: always.
	applies func(data json.RawMessage, earlier []casefile.Event) bool
}

// recordingRules are every act that calls for a recording, in one place.
var recordingRules = []RecordingRule{
	{Act: ActTakeMeasure, Full: true, applies: onSiteMeasure,
		Basis: [2]string{"查封、扣押财产应当全程音像记录（河北省三项制度实施方案（八）；市场监督管理行政处罚程序规定第四十四条）",
			"sealing and seizing property is recorded on video from start to end (HB (8); SAMR 44)"}},
	{Act: ActCarryOutExecution, Full: true, applies: onSiteExecution,
		Basis: [2]string{"现场强制执行（强制拆除、代履行等）应当全程音像记录（河北省三项制度实施方案（八）；行政强制法第五十一条）",
			"an on-site compulsory execution (demolition, performance by a substitute) is recorded on video from start to end (HB (8); CL 51)"}},
	{Act: ActRecordHearing,
		Basis: [2]string{"举行听证应当根据实际进行音像记录（河北省三项制度实施方案（八））",
			"a hearing is recorded on audio or video as the case requires (HB (8))"}},
	serviceRule(ActServeNotice), serviceRule(ActServeDecision), serviceRule(ActServeDemand),
	serviceRule(ActServeSubstituteDemand), serviceRule(ActServeFreezeDecision),
}

// serviceRule: leaving a document (留置送达) or serving it by public notice
// (公告送达) is recorded as the case requires (HB (八)); leaving it without
// a witness needs the recording (SAMR 82(2)).
func serviceRule(act casefile.Act) RecordingRule {
	return RecordingRule{Act: act, applies: leftOrPublic,
		Basis: [2]string{"留置送达、公告送达应当根据实际进行音像记录（河北省三项制度实施方案（八）；市场监督管理行政处罚程序规定第八十二条）",
			"leaving a document or serving it by public notice is recorded on audio or video as the case requires (HB (8); SAMR 82)"}}
}

// RecordingRules are the acts that call for an audio-video recording.
func RecordingRules() []RecordingRule { return slices.Clone(recordingRules) }

// RecordingNeed is an event of a case's record whose act calls for an
// audio-video recording.
type RecordingNeed struct {
	Event casefile.Event
	Rule  RecordingRule
}

// RecordingNeeds are the events of a case's record, in order, whose acts
// call for an audio-video recording.
func RecordingNeeds(events []casefile.Event) []RecordingNeed {
	var out []RecordingNeed
	for i, e := range events {
		for _, r := range recordingRules {
			if string(r.Act) == e.Act && (r.applies == nil || r.applies(e.Data, events[:i])) {
				out = append(out, RecordingNeed{Event: e, Rule: r})
				break
			}
		}
	}
	return out
}

// onSiteMeasure: a sealing or a seizure, taken on the spot; a freeze
// (冻结) is served on a bank, not taken at a site. Its kind is the
// emergency measure's own, or else the proposal's.
func onSiteMeasure(data json.RawMessage, earlier []casefile.Event) bool {
	var taken struct {
		Measure *struct {
			Kind string `json:"kind"`
		} `json:"measure"`
	}
	kind := ""
	if json.Unmarshal(data, &taken) == nil && taken.Measure != nil {
		kind = taken.Measure.Kind
	}
	for i := len(earlier) - 1; i >= 0 && kind == ""; i-- {
		if earlier[i].Act == string(ActProposeMeasure) {
			var proposed struct {
				Kind string `json:"kind"`
			}
			_ = json.Unmarshal(earlier[i].Data, &proposed)
			kind = proposed.Kind
		}
	}
	return kind != "freeze"
}

// onSiteExecution: an execution carried out at a site (by a substitute,
// or otherwise, e.g. a demolition); a transfer from an account (划拨) or
// an auction is not.
func onSiteExecution(data json.RawMessage, _ []casefile.Event) bool {
	var in struct {
		Method string `json:"method"`
	}
	_ = json.Unmarshal(data, &in)
	return in.Method != "transfer" && in.Method != "auction"
}

func leftOrPublic(data json.RawMessage, _ []casefile.Event) bool {
	var in struct {
		Method string `json:"method"`
	}
	_ = json.Unmarshal(data, &in)
	return in.Method == "left" || in.Method == "public"
}
