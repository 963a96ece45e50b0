// Just enough of a 2D canvas for Plot's continuous colour legends in jsdom, which has no canvas: Plot fills a
// 256×1 canvas pixel by pixel (fillStyle, fillRect) and embeds canvas.toDataURL() as an <image>. Here the pixels
// are kept in memory and toDataURL() encodes them as a PNG (zlib from Node; no native canvas package).
import {deflateSync} from "node:zlib";
import {color} from "d3-color";

const CRC_TABLE = Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA image (width × height × 4 bytes, row by row) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height); // each row starts with filter type 0 (none)
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0))
  ]);
}

const pixels = new WeakMap<HTMLCanvasElement, Uint8Array>();

/** Gives the window's canvases a getContext("2d") with fillStyle and fillRect, and a PNG toDataURL(). */
export function installCanvasPixels(window: Window & typeof globalThis): void {
  const proto = window.HTMLCanvasElement.prototype;
  const buffer = (canvas: HTMLCanvasElement) => {
    let data = pixels.get(canvas);
    if (!data || data.length !== canvas.width * canvas.height * 4)
      pixels.set(canvas, (data = new Uint8Array(canvas.width * canvas.height * 4)));
    return data;
  };
  proto.getContext = function (this: HTMLCanvasElement, type: string) {
    if (type !== "2d") return null;
    const canvas = this;
    let fill = {r: 0, g: 0, b: 0, a: 255};
    return {
      set fillStyle(style: string) {
        const c = color(style)?.rgb();
        fill = c ? {r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b), a: Math.round(c.opacity * 255)} : fill;
      },
      fillRect(x: number, y: number, w: number, h: number) {
        const data = buffer(canvas);
        for (let j = Math.max(0, y); j < Math.min(canvas.height, y + h); j++) {
          for (let i = Math.max(0, x); i < Math.min(canvas.width, x + w); i++)
            data.set([fill.r, fill.g, fill.b, fill.a], (j * canvas.width + i) * 4);
        }
      }
    };
  } as typeof proto.getContext;
  proto.toDataURL = function (this: HTMLCanvasElement) {
    return `data:image/png;base64,${encodePng(this.width, this.height, buffer(this)).toString("base64")}`;
  };
}
