// The search page's filters, read straight from Pagefind's own files. Loaded by search.js only when
// a reader opens a filter group or filters by one: a search by words needs none of this.
//
// Why not Pagefind's filters: it counts every value of every filter it has loaded against every
// result of every search, scanning the result list once per page of each value, which took seconds
// per keystroke on a 10,000-article archive; and its filter files are larger than the rest of what a
// search downloads. Here each group's file is fetched when first needed, and results are matched and
// counted against it in one pass over a byte per page.

/** Pagefind's page numbers by page id (a search result's `id`), and each filter's values by name. */
export class FilterIndex {
  constructor(base) {
    this.base = base;
    this.pageOf = null;
    this.chunks = null;
    this.index = null;
    this.groups = new Map();
  }

  /** The values of a loaded filter (value → page numbers), or undefined until it is loaded. */
  values(name) {
    return this.groups.get(name)?.settled;
  }

  /** Loads what is not loaded yet of the named filters; resolves to their values, in order. */
  async load(names) {
    if (names.length === 0) return [];
    await this.loadIndex();
    return Promise.all(names.map((name) => {
      let entry = this.groups.get(name);
      if (!entry) {
        const hash = this.chunks.get(name);
        entry = { promise: hash ? this.read(`filter/${hash}.pf_filter`).then(([, values]) => new Map(values)) : Promise.resolve(new Map()) };
        entry.promise.then((values) => { entry.settled = values; }, () => this.groups.delete(name));
        this.groups.set(name, entry);
      }
      return entry.promise;
    }));
  }

  /** A byte per page: 1 for the pages of the given results. */
  resultMask(results) {
    const mask = new Uint8Array(this.pageOf.size);
    for (const result of results) {
      const page = this.pageOf.get(result.id);
      if (page !== undefined) mask[page] = 1;
    }
    return mask;
  }

  /** The results that have, for every filter named, at least one of the values given for it. */
  async keep(results, selected) {
    const names = Object.keys(selected);
    const groups = await this.load(names);
    const masks = names.map((name, i) => {
      const mask = new Uint8Array(this.pageOf.size);
      for (const value of selected[name]) for (const page of groups[i].get(value) ?? []) mask[page] = 1;
      return mask;
    });
    return results.filter((result) => {
      const page = this.pageOf.get(result.id);
      return page !== undefined && masks.every((mask) => mask[page] === 1);
    });
  }

  loadIndex() {
    this.index ??= (async () => {
      const response = await fetch(`${this.base}pagefind/pagefind-entry.json`);
      if (!response.ok) throw new Error(`pagefind-entry.json: ${response.status}`);
      const { languages } = await response.json();
      const [, pages, , filters] = await this.read(`pagefind.${languages[languageOf(languages)].hash}.pf_meta`);
      this.pageOf = new Map(pages.map(([id], number) => [id, number]));
      this.chunks = new Map(filters);
    })().catch((error) => {
      this.index = null;
      throw error;
    });
    return this.index;
  }

  /** A Pagefind file: gzip (unless the server already unpacked it), a signature, then CBOR. */
  async read(file) {
    const response = await fetch(`${this.base}pagefind/${file}`);
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (!hasSignature(bytes)) {
      bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    }
    if (!hasSignature(bytes)) throw new Error(`${file} is not a Pagefind file`);
    return decodeCbor(bytes.subarray(SIGNATURE.length));
  }
}

/** The index Pagefind loads for this page, chosen as Pagefind chooses it. */
function languageOf(languages) {
  const lang = document.documentElement.getAttribute('lang') || 'unknown';
  if (languages[lang]) return lang;
  const prefix = Object.keys(languages).find((code) => code.split('-')[0] === lang.split('-')[0]);
  if (prefix) return prefix;
  return Object.entries(languages).sort(([, a], [, b]) => b.page_count - a.page_count)[0][0];
}

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

function hasSignature(bytes) {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** The part of CBOR Pagefind writes: integers, text, byte strings, arrays, maps and simple values. */
function decodeCbor(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let at = 0;
  const length = (info) => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++];
    if (info === 25) { at += 2; return view.getUint16(at - 2); }
    if (info === 26) { at += 4; return view.getUint32(at - 4); }
    if (info === 27) { at += 8; return Number(view.getBigUint64(at - 8)); }
    throw new Error(`CBOR: unsupported length ${info} at ${at}`);
  };
  const item = () => {
    const head = bytes[at++];
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      if (info === 26) { at += 4; return view.getFloat32(at - 4); }
      if (info === 27) { at += 8; return view.getFloat64(at - 8); }
      throw new Error(`CBOR: unsupported simple value ${info} at ${at}`);
    }
    const n = length(info);
    switch (major) {
      case 0: return n;
      case 1: return -1 - n;
      case 2: at += n; return bytes.subarray(at - n, at);
      case 3: at += n; return text.decode(bytes.subarray(at - n, at));
      case 4: { const list = new Array(n); for (let i = 0; i < n; i++) list[i] = item(); return list; }
      case 5: { const map = {}; for (let i = 0; i < n; i++) { const key = item(); map[key] = item(); } return map; }
      default: throw new Error(`CBOR: unsupported type ${major} at ${at}`);
    }
  };
  return item();
}
