/// <reference types="google-apps-script" />
/**
 * The advanced service «Docs» (Google Docs API v1) over the same documents as the fake DocumentApp.
 * Only what the add-on uses: `Documents.get` (the body's structure with Docs API indices, from the
 * document as last saved: DocumentApp edits not yet saved are not visible, as in Apps Script) and
 * `Documents.batchUpdate` with `pinTableHeaderRows`. Errors read like the service's
 * («API call to docs.documents.batchUpdate failed with error: …»).
 */
import { AuthorizationSimulator } from './fakeServices';
import { BodyChild, DOCUMENTS_SCOPE, DocumentStore, ParagraphModel, TableModel, paragraphText } from './fakeDocumentApp';
import { AppsScriptException, Assert, CallCounter, CountedFake, ExactApi, countCalls, expose } from './fakeBase';

type DocsService = GoogleAppsScript.Docs;
type DocumentsCollection = GoogleAppsScript.Docs.Collection.DocumentsCollection;
type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;

/** Requests the bundled typings do not know yet. */
interface PinTableHeaderRowsRequest {
  tableStartLocation?: { index?: number; segmentId?: string };
  pinnedHeaderRowsCount?: number;
}

function apiError(method: string, message: string): AppsScriptException {
  return new AppsScriptException(`API call to docs.documents.${method} failed with error: ${message}`);
}

/** Length of a paragraph in Docs API indices: its characters, one per inline object, and the newline. */
function paragraphLength(p: ParagraphModel): number {
  return paragraphText(p).length + p.inline.filter((i) => i.type !== 'text').length + 1;
}

/** The body as the API lists it: a section break at 0, then each element with its start and end. */
function structure(children: BodyChild[]): { element: StructuralElement; model: BodyChild | null }[] {
  const out: { element: StructuralElement; model: BodyChild | null }[] = [{ element: { startIndex: undefined, endIndex: 1, sectionBreak: {} }, model: null }];
  let at = 1;
  for (const child of children) {
    const start = at;
    if (child.kind === 'table') {
      at += 1; // table start
      for (const row of child.rows) {
        at += 1; // row start
        for (const cell of row) at += 1 + cell.paragraphs.reduce((n, p) => n + paragraphLength(p), 0);
      }
      at += 1; // table end
      out.push({ element: { startIndex: start, endIndex: at, table: { rows: child.rows.length, columns: Math.max(0, ...child.rows.map((r) => r.length)) } }, model: child });
    } else {
      at += paragraphLength(child);
      out.push({ element: { startIndex: start, endIndex: at, paragraph: { elements: [{ textRun: { content: `${paragraphText(child)}\n` } }] } }, model: child });
    }
  }
  return out;
}

class FakeDocumentsCollection extends CountedFake implements Pick<DocumentsCollection, 'batchUpdate' | 'get'> {
  private readonly store: DocumentStore;
  private readonly auth: AuthorizationSimulator;

  constructor(calls: CallCounter, store: DocumentStore, auth: AuthorizationSimulator) {
    super(calls);
    this.store = store;
    this.auth = auth;
  }

  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const doc = this.document('batchUpdate', documentId);
    const requests = resource?.requests ?? [];
    const body = structure(doc.saved);
    // Validate every request before applying any: the API applies all of them or none.
    const pins = requests.map((request, i) => {
      const pin = (request as { pinTableHeaderRows?: PinTableHeaderRowsRequest }).pinTableHeaderRows;
      if (!pin) throw apiError('batchUpdate', `Invalid requests[${i}]: this fake supports only pinTableHeaderRows.`);
      const index = pin.tableStartLocation?.index;
      const found = body.find((e) => e.element.startIndex === index && e.element.table);
      if (!found) throw apiError('batchUpdate', `Invalid requests[${i}].pinTableHeaderRows: The table start location must be the start of a table.`);
      const table = found.model as TableModel;
      const count = pin.pinnedHeaderRowsCount ?? 0;
      if (!(Number.isInteger(count) && count >= 0 && count <= table.rows.length)) {
        throw apiError('batchUpdate', `Invalid requests[${i}].pinTableHeaderRows: The number of pinned header rows must be between 0 and the number of rows of the table.`);
      }
      return { table, count };
    });
    for (const { table, count } of pins) table.pinnedHeaderRows = count;
    return { documentId: doc.id, replies: requests.map(() => ({})) };
  }

  get(documentId: string, _optionalArgs?: object): GoogleAppsScript.Docs.Schema.Document {
    const doc = this.document('get', documentId);
    return { documentId: doc.id, title: doc.name, body: { content: structure(doc.saved).map((e) => e.element) } };
  }

  private document(method: string, documentId: string) {
    if (!this.auth.granted.has(DOCUMENTS_SCOPE)) throw apiError(method, 'Request had insufficient authentication scopes.');
    const doc = this.store.get(String(documentId));
    if (!doc) throw apiError(method, `Requested entity was not found.`);
    return doc;
  }
}
type _DocumentsIsExact = Assert<ExactApi<FakeDocumentsCollection, DocumentsCollection, 'batchUpdate' | 'get'>>;

class FakeDocs extends CountedFake implements Pick<DocsService, 'Documents'> {
  readonly Documents: DocumentsCollection;

  constructor(calls: CallCounter, store: DocumentStore, auth: AuthorizationSimulator) {
    super(calls);
    this.Documents = expose<DocumentsCollection>(new FakeDocumentsCollection(calls, store, auth));
  }
}
type _DocsIsExact = Assert<ExactApi<FakeDocs, DocsService, 'Documents'>>;

countCalls(FakeDocumentsCollection, 'Docs.Documents');

export function createDocsService(calls: CallCounter, store: DocumentStore, auth: AuthorizationSimulator): DocsService {
  return expose<DocsService>(new FakeDocs(calls, store, auth));
}

