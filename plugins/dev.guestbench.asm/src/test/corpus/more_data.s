# More data directives: floating-point numbers, LEB128 and .incbin.
	.text
	.globl _start
_start:
	ret
	.data
	.float 1.5, -2.25, 3
	.double 3.141592653589793, -1e10
	.uleb128 0
	.uleb128 624485
	.sleb128 -123456
	.sleb128 64
	.incbin "inc/blob.bin"
	.incbin "inc/blob.bin", 2, 3
	.balign 8
