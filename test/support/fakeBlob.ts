/// <reference types="google-apps-script" />
/**
 * In-memory Blob (GoogleAppsScript.Base.Blob), the data the services hand each other: the chart
 * picture EmbeddedChart.getAs returns and Body.appendImage takes. Bytes are kept as they are and
 * handed out signed, as Apps Script's Byte[] is (Java bytes, −128…127).
 */
import { AppsScriptException, Assert, CallCounter, CountedFake, ExactApi, countCalls, expose } from './fakeBase';

type Blob = GoogleAppsScript.Base.Blob;

type BlobMember =
  | 'copyBlob'
  | 'getAs'
  | 'getBlob'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setName';

interface BlobData {
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
}

const contents = new WeakMap<object, BlobData>();

class FakeBlob extends CountedFake implements Pick<Blob, BlobMember> {
  private readonly data: BlobData;

  constructor(calls: CallCounter, data: BlobData) {
    super(calls);
    this.data = data;
    contents.set(this, data);
  }

  copyBlob(): Blob {
    return newBlob(this.callCounter, this.data.bytes.slice(), this.data.contentType, this.data.name);
  }

  getAs(contentType: string): Blob {
    if (String(contentType) === this.data.contentType) return this.copyBlob();
    throw new AppsScriptException(`Converting from ${this.data.contentType ?? 'null'} to ${contentType} is not supported.`);
  }

  getBlob(): Blob {
    return expose<Blob>(this);
  }

  getBytes(): GoogleAppsScript.Byte[] {
    return Array.from(this.data.bytes, (b) => (b > 127 ? b - 256 : b));
  }

  getContentType(): string | null {
    return this.data.contentType;
  }

  getDataAsString(charset?: string): string {
    return Buffer.from(this.data.bytes).toString(charset && /^windows-1251$/i.test(charset) ? 'latin1' : 'utf8');
  }

  getName(): string | null {
    return this.data.name;
  }

  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: GoogleAppsScript.Byte[]): Blob {
    this.data.bytes = Uint8Array.from(data, (b) => b & 0xff);
    return expose<Blob>(this);
  }

  setContentType(contentType: string | null): Blob {
    this.data.contentType = contentType;
    return expose<Blob>(this);
  }

  setName(name: string): Blob {
    this.data.name = String(name);
    return expose<Blob>(this);
  }
}
type _BlobIsExact = Assert<ExactApi<FakeBlob, Blob, BlobMember>>;

countCalls(FakeBlob, 'Blob');

export function newBlob(calls: CallCounter, bytes: Uint8Array, contentType: string | null, name: string | null = null): Blob {
  return expose<Blob>(new FakeBlob(calls, { bytes, contentType, name }));
}

/** What a fake Blob (or a BlobSource that is one) holds; null for anything else. */
export function blobContents(blob: unknown): { bytes: Uint8Array; contentType: string | null; name: string | null } | null {
  const b = typeof blob === 'object' && blob !== null ? contents.get(blob) : undefined;
  return b ? { ...b } : null;
}
