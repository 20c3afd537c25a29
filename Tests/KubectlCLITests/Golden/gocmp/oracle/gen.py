import re,sys
src=open('/work/wt-admission/Sources/KubeAPI/GoCmp/CoreTypes.swift').read()
body=src.split('"""')[1]
out=['package core','','import (','\t"oracle/intstr"','\t"oracle/resource"',')','','type Opaque struct{}','var _ intstr.IntOrString','var _ resource.Quantity']
def gotype(t):
    return t
for line in body.strip().splitlines():
    p=line.split()
    name,kind=p[0],p[1]
    if kind=='struct':
        out.append(f'type {name} struct {{')
        for f in p[2:]:
            fn,ft,js=f.split(':')
            if js=='-': out.append(f'\t{ft}')
            else: out.append(f'\t{fn} {ft}')
        out.append('}')
    elif kind=='string':
        out.append(f'type {name} string')
        if len(p)>2: out.append(f'func (r {name}) String() string {{ return string(r) }}')
    else:
        out.append(f'type {name} {kind}')
open('core/types.go','w').write('\n'.join(out)+'\n')
