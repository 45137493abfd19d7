/** The ingest stage: source files → PreparedDocuments (pure and filesystem functions; no database). */
export type { DocumentMeta, IngestFailure, PreparedDocument, PublishedSource, TitleSource } from './types.js';
export { IngestError } from './errors.js';
export {
  collectSources,
  formatBytes,
  MAX_FILE_BYTES,
  DOCUMENT_EXTENSIONS,
  NO_DOCUMENTS_REASON,
  type CollectOptions,
  type CollectResult,
  type SourceFile,
} from './collect.js';
export { parseCatalog, CATALOG_FILE_NAMES, type Catalog, type CatalogEntry } from './catalog.js';
export { validateMeta, normalizeDate, KNOWN_META_KEYS, type MetaFields } from './meta.js';
export { decodeText, detectMagic, firstInvalidUtf8, looksLikeLatin1 } from './decode.js';
export { splitFrontMatter, type FrontMatterSplit } from './frontmatter.js';
export { markdownToText, stripInlineMarkdown } from './markdown.js';
export { htmlToText, type HtmlExtract, type HtmlMeta } from './html.js';
export { cleanText, type CleanResult, type Furniture } from './clean.js';
export { findPublished, findDates, type PublishedInput, type PublishedResult } from './published.js';
export { prepareDocument, prepareSources, headlineOf, mediaTypeOf, sha256Hex } from './prepare.js';
