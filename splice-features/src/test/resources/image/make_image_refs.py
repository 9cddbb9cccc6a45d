# Generates the decoder and resize references for ImageDecoderTest / PilBicubicTest with Debian's PIL
# (python3-pil 9.4.0): `cd` here and run `/usr/bin/python3 make_image_refs.py`. Outputs are committed.
import json, io
import numpy as np
from PIL import Image

rng = np.random.default_rng(11)
refs = {"generator": "PIL " + Image.__version__, "decoded": {}, "resized": []}

def expect(name, im):
    a = np.asarray(Image.open(name).convert("RGB"), dtype=np.uint8)
    refs["decoded"][name] = {"width": a.shape[1], "height": a.shape[0], "rgb": a.flatten().tolist()}

h, w = 6, 8
rgb = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
alpha = rng.integers(0, 256, (h, w), dtype=np.uint8); alpha[0, :] = 0
Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save("rgba.png"); expect("rgba.png", None)
grey = rng.integers(0, 256, (h, w), dtype=np.uint8)
Image.fromarray(np.dstack([grey, alpha]), "LA").save("grey_alpha.png"); expect("grey_alpha.png", None)
Image.fromarray(grey, "L").save("grey.png"); expect("grey.png", None)
pal = Image.fromarray(rgb, "RGB").quantize(colors=16)
pal.info["transparency"] = 3
pal.save("palette.png", transparency=3); expect("palette.png", None)
rgb16 = rng.integers(0, 65536, (h, w, 3), dtype=np.uint16)
# PIL cannot write 16-bit RGB PNGs, so these bytes are written by hand (zlib, filter 0) below.
import zlib, struct
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
def png16(path, arr, colour_type):
    hh, ww = arr.shape[:2]
    raw = b"".join(b"\x00" + arr[y].astype(">u2").tobytes() for y in range(hh))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", ww, hh, 16, colour_type, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)
png16("rgb16.png", rgb16, 2); expect("rgb16.png", None)
def png_low_bit_grey(path, arr, bits):
    hh, ww = arr.shape
    rows = []
    for y in range(hh):
        v = 0; n = 0; out = bytearray()
        for x in range(ww):
            v = (v << bits) | int(arr[y, x]); n += bits
            if n == 8: out.append(v); v = 0; n = 0
        if n: out.append(v << (8 - n))
        rows.append(b"\x00" + bytes(out))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", ww, hh, bits, 0, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")
    open(path, "wb").write(data)
for bits in (1, 2, 4):
    low = (np.arange(h * w).reshape(h, w) * 7 % (1 << bits)).astype(np.uint8)
    png_low_bit_grey(f"grey{bits}bit.png", low, bits); expect(f"grey{bits}bit.png", None)
la16 = (np.arange(h * w * 2).reshape(h, w, 2) * 4099 % 65536).astype(np.uint16)
png16("grey_alpha16.png", la16, 4); expect("grey_alpha16.png", None)
rgba16 = rng.integers(0, 65536, (h, w, 4), dtype=np.uint16)
png16("rgba16.png", rgba16, 6); expect("rgba16.png", None)
grey16 = rng.integers(0, 1024, (h, w), dtype=np.uint16)
png16("grey16.png", grey16, 0); expect("grey16.png", None)
# JPEGs: smooth content so decoder IDCT differences stay within a level or two
yy, xx = np.mgrid[0:16, 0:24]
smooth = np.stack([xx * 10, yy * 15, 255 - xx * 10], -1).astype(np.uint8)
Image.fromarray(smooth, "RGB").save("rgb.jpg", quality=95); expect("rgb.jpg", None)
Image.fromarray(smooth[:, :, 0], "L").save("grey.jpg", quality=95); expect("grey.jpg", None)
# Odd sizes with 4:2:0 chroma (edge upsampling), baseline and progressive
yy, xx = np.mgrid[0:61, 0:97]
photo = np.stack([(xx * 2 + yy) % 256, (yy * 4) % 256, (xx * yy) % 256], -1).astype(np.uint8)
Image.fromarray(photo, "RGB").save("odd_420.jpg", quality=80, subsampling=2); expect("odd_420.jpg", None)
Image.fromarray(photo, "RGB").save("odd_progressive.jpg", quality=80, progressive=True); expect("odd_progressive.jpg", None)
# An embedded non-sRGB profile (the JDK's CS_LINEAR_RGB, ICC_Profile.getInstance(CS_LINEAR_RGB).getData()): PIL ignores it.
Image.fromarray(smooth, "RGB").save("icc.jpg", quality=95, icc_profile=open("linear_rgb.icc", "rb").read()); expect("icc.jpg", None)
cmyk = np.zeros((16, 24, 4), dtype=np.uint8)
cmyk[:, :8, 0] = 255            # cyan
cmyk[:, 8:16, 1] = 255; cmyk[:, 8:16, 2] = 255   # magenta + yellow = red
cmyk[:, 16:, 3] = 128           # 50% black
Image.fromarray(cmyk, "CMYK").save("cmyk.jpg", quality=95); expect("cmyk.jpg", None)
# Adobe YCCK: the stored components are Y, Cb, Cr of (C, M, Y) plus inverted K. PIL only writes Adobe CMYK
# (transform 0, inverted samples), so store the wanted values through it and patch the transform byte to 2.
c = cmyk.astype(np.float64)
ycc = np.stack([0.299 * c[..., 0] + 0.587 * c[..., 1] + 0.114 * c[..., 2],
                -0.168736 * c[..., 0] - 0.331264 * c[..., 1] + 0.5 * c[..., 2] + 128,
                0.5 * c[..., 0] - 0.418688 * c[..., 1] - 0.081312 * c[..., 2] + 128, 255 - c[..., 3]], -1)
stored = np.clip(np.round(ycc), 0, 255).astype(np.uint8)
buf = io.BytesIO(); Image.fromarray(255 - stored, "CMYK").save(buf, "JPEG", quality=95)
data = bytearray(buf.getvalue()); at = data.find(b"Adobe"); assert data[at + 11] == 0; data[at + 11] = 2
open("ycck.jpg", "wb").write(bytes(data)); expect("ycck.jpg", None)
Image.fromarray(smooth, "RGB").save("rgb.bmp"); expect("rgb.bmp", None)
frames = [Image.fromarray(rgb, "RGB").quantize(colors=8), Image.fromarray(255 - rgb, "RGB").quantize(colors=8)]
frames[0].save("anim.gif", save_all=True, append_images=frames[1:]); expect("anim.gif", None)

for (iw, ih, ow, oh) in [(37, 23, 16, 10), (5, 7, 13, 17), (64, 48, 21, 16), (50, 50, 50, 20), (40, 30, 17, 30), (9, 300, 4, 133)]:
    src = rng.integers(0, 256, (ih, iw, 3), dtype=np.uint8)
    out = np.asarray(Image.fromarray(src, "RGB").resize((ow, oh), Image.BICUBIC), dtype=np.uint8)
    refs["resized"].append({"in_width": iw, "in_height": ih, "out_width": ow, "out_height": oh,
                            "in": src.flatten().tolist(), "out": out.flatten().tolist()})
json.dump(refs, open("pil_refs.json", "w"))
print("ok", sorted(refs["decoded"]))
