package resource

import "math/big"

type Scale int32
type int64Amount struct {
	value int64
	scale Scale
}
type Dec struct{}
type infDecAmount struct{ *Dec }
type Format string
type Quantity struct {
	i      int64Amount
	d      infDecAmount
	s      string
	Format
}

func (q Quantity) norm() *big.Rat {
	r := new(big.Rat).SetInt64(q.i.value)
	s := int(q.i.scale)
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(s))), nil))
	if s >= 0 {
		r.Mul(r, p)
	} else {
		r.Quo(r, p)
	}
	return r
}
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
func (q Quantity) Equal(v Quantity) bool { return q.norm().Cmp(v.norm()) == 0 }
func (q *Quantity) String() string     { return q.s }

// Q builds what ParseQuantity returns for the fixtures: value, scale, format, cached string.
func Q(value int64, scale int32, format string, s string) Quantity {
	return Quantity{i: int64Amount{value: value, scale: Scale(scale)}, Format: Format(format), s: s}
}

func (q *Quantity) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' {
		s = s[1 : len(s)-1]
	}
	*q = Parse(s)
	return nil
}

// Parse handles the fixtures' forms: digits with an optional decimal or binary SI suffix.
func Parse(str string) Quantity {
	num := str
	suffix := ""
	for i, c := range str {
		if (c < '0' || c > '9') && c != '.' {
			num, suffix = str[:i], str[i:]
			break
		}
	}
	var v int64
	for _, c := range num {
		v = v*10 + int64(c-'0')
	}
	dec := map[string]int32{"": 0, "m": -3, "k": 3, "M": 6, "G": 9}
	bin := map[string]uint{"Ki": 10, "Mi": 20, "Gi": 30}
	if e, ok := dec[suffix]; ok {
		q := Quantity{i: int64Amount{value: v, scale: Scale(e)}, Format: "DecimalSI"}
		if e%3 == 0 && !(len(num) >= 3 && num[len(num)-3:] == "000") && num[0] != '0' {
			q.s = str
		}
		return q
	}
	e := bin[suffix]
	q := Quantity{i: int64Amount{value: v << e}, Format: "BinarySI"}
	if e%10 == 0 && v&7 != 0 {
		q.s = str
	}
	return q
}
