/** What XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = '[^\\u0009\\u000a\\u000d\\u0020-\\ud7ff\\ue000-\\ufffd\\u{10000}-\\u{10ffff}]';

/** The characters to escape, and the characters to drop, in one pass over the text. */
const XML_SPECIAL = new RegExp(`[&<>"'\\r\\n\\t]|${NOT_XML}`, 'gu');
/** Whether {@link XML_SPECIAL} occurs: a cheap test, as most text needs no escaping. */
const HAS_XML_SPECIAL = new RegExp(XML_SPECIAL.source, 'u');

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Element content keeps line breaks and tabs readable. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  ...ATTRIBUTE_ESCAPES,
  '\n': '\n',
  '\t': '\t',
};

/**
 * Escapes text for an XML attribute value or element content.
 *
 * Also drops the characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF), so a message copied from a template can never make the document ill-formed.
 */
export function xmlEscape(text: string): string {
  return HAS_XML_SPECIAL.test(text)
    ? text.replace(XML_SPECIAL, (c) => ATTRIBUTE_ESCAPES[c] ?? '')
    : text;
}

/** Escapes text for element content, keeping line breaks readable. */
export function xmlText(text: string): string {
  return HAS_XML_SPECIAL.test(text)
    ? text.replace(XML_SPECIAL, (c) => TEXT_ESCAPES[c] ?? '')
    : text;
}
