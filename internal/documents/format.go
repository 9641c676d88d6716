package documents

import (
	"fmt"
	"strings"
	"time"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/workflows"
)

// Date is t's day in Beijing written as documents write it: 2026年3月2日.
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(calendar.Location())
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// DateTime is t in Beijing to the minute: 2026年3月2日 9时30分.
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	b := t.In(calendar.Location())
	return fmt.Sprintf("%s %d时%02d分", Date(b), b.Hour(), b.Minute())
}

// DateOf writes a day given as YYYY-MM-DD (2026-03-02) as 2026年3月2日;
// anything else is returned as it is.
func DateOf(day string) string {
	t, err := time.ParseInLocation(time.DateOnly, day, calendar.Location())
	if err != nil {
		return day
	}
	return Date(t)
}

// Amount writes an amount of money in figures and in capitals, as a
// decision states a fine: 5000.00元（大写：伍仟元整）.
func Amount(y workflows.Yuan) string {
	return y.String() + "元（大写：" + Capitals(y) + "）"
}

var (
	digits = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	places = []string{"", "拾", "佰", "仟"}
	groups = []string{"", "万", "亿", "万亿"}
)

// Capitals writes an amount in the financial capitals (大写) used on
// documents so that a figure cannot be altered: 5000.00 is 伍仟元整,
// 10203.45 壹万零贰佰零叁元肆角伍分.
func Capitals(y workflows.Yuan) string {
	neg := y < 0
	if neg {
		y = -y
	}
	yuan, jiao, fen := int64(y)/100, int64(y)/10%10, int64(y)%10
	var b strings.Builder
	if neg {
		b.WriteString("负")
	}
	if yuan > 0 {
		b.WriteString(integerCapitals(yuan))
		b.WriteString("元")
	}
	switch {
	case jiao == 0 && fen == 0:
		if yuan == 0 {
			b.WriteString("零元")
		}
		b.WriteString("整")
	default:
		if jiao > 0 {
			b.WriteString(digits[jiao] + "角")
		} else if yuan > 0 {
			b.WriteString("零")
		}
		if fen > 0 {
			b.WriteString(digits[fen] + "分")
		}
	}
	return b.String()
}

// integerCapitals writes n > 0 in capitals, four places a group, with one
// 零 for each run of zeros between digits.
func integerCapitals(n int64) string {
	var parts []int64
	for n > 0 {
		parts = append(parts, n%10000)
		n /= 10000
	}
	var b strings.Builder
	zero := false // a zero is pending before the next digit
	for g := len(parts) - 1; g >= 0; g-- {
		v := parts[g]
		if v == 0 {
			zero = b.Len() > 0
			continue
		}
		for p := 3; p >= 0; p-- {
			d := v / pow10(p) % 10
			if d == 0 {
				if b.Len() > 0 {
					zero = true
				}
				continue
			}
			if zero {
				b.WriteString("零")
				zero = false
			}
			b.WriteString(digits[d] + places[p])
		}
		b.WriteString(groups[g])
	}
	return b.String()
}

func pow10(p int) int64 {
	n := int64(1)
	for range p {
		n *= 10
	}
	return n
}
