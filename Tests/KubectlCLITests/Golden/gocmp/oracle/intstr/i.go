package intstr

type Type int64
type IntOrString struct {
	Type   Type
	IntVal int32
	StrVal string
}

func (i *IntOrString) String() string { return "" }

func (i *IntOrString) UnmarshalJSON(b []byte) error {
	if b[0] == '"' {
		i.Type = 1
		i.StrVal = string(b[1 : len(b)-1])
		return nil
	}
	var v int32
	for _, c := range b {
		v = v*10 + int32(c-'0')
	}
	i.IntVal = v
	return nil
}
