/**
 * A parser and expander for VS Code / TextMate snippet bodies, used by the
 * snippet tests (and free of `vscode`). It follows VS Code's snippet grammar:
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
 *   placeholder ::= '${' int ':' any* '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}' | '${' var transform '}'
 *   transform   ::= '/' regex '/' (format | text)* '/' options
 *
 * Escapes: `\$`, `\}` and `\\` in text; also `\,` and `\|` in choices.
 *
 * VS Code is lenient (an unclosed `${1:` is inserted as text); `parseSnippet`
 * is strict by default so that a typo in `snippets/speech.json` fails the tests.
 */

export type SnippetNode = TextNode | TabstopNode | VariableNode;

export interface TextNode {
  type: 'text';
  value: string;
}

export interface Transform {
  regex: RegExp;
  /** The format, parsed: literal strings and group references. */
  format: FormatPart[];
}

export type FormatPart =
  | string
  | { group: number; modifier?: 'upcase' | 'downcase' | 'capitalize' | 'camelcase' | 'pascalcase'; ifValue?: string; elseValue?: string };

export interface TabstopNode {
  type: 'tabstop';
  index: number;
  /** `${1:default}`: the placeholder's content. */
  children?: SnippetNode[];
  /** `${1|a,b|}` */
  choices?: string[];
  transform?: Transform;
}

export interface VariableNode {
  type: 'variable';
  name: string;
  children?: SnippetNode[];
  transform?: Transform;
}

export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

/** Variables VS Code resolves in snippets. */
export const KNOWN_VARIABLES: readonly string[] = [
  'TM_SELECTED_TEXT',
  'TM_CURRENT_LINE',
  'TM_CURRENT_WORD',
  'TM_LINE_INDEX',
  'TM_LINE_NUMBER',
  'TM_FILENAME',
  'TM_FILENAME_BASE',
  'TM_DIRECTORY',
  'TM_FILEPATH',
  'RELATIVE_FILEPATH',
  'CLIPBOARD',
  'WORKSPACE_NAME',
  'WORKSPACE_FOLDER',
  'CURSOR_INDEX',
  'CURSOR_NUMBER',
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
  'RANDOM',
  'RANDOM_HEX',
  'UUID',
  'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END',
  'LINE_COMMENT',
];

class Parser {
  pos = 0;
  constructor(
    readonly src: string,
    readonly strict: boolean,
  ) {}

  fail(msg: string, at = this.pos): never {
    throw new SnippetSyntaxError(msg, at);
  }

  /** Parse nodes until `}` (when nested) or the end. */
  parseSeq(nested: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '$' || n === '}' || n === '\\') {
          text += n;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
        continue;
      }
      if (c === '}' && nested) {
        flush();
        return out;
      }
      if (c === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          out.push(node);
          continue;
        }
        if (this.strict) this.fail('a lone "$" (write \\\\$ for a dollar sign)');
        text += c;
        this.pos++;
        continue;
      }
      text += c;
      this.pos++;
    }
    if (nested) this.fail('unclosed "${"');
    flush();
    return out;
  }

  /** At a `$`: a tabstop, placeholder, choice or variable; undefined when `$` is literal. */
  parseDollar(): SnippetNode | undefined {
    const start = this.pos;
    if (this.strict) return this.parseDollarAt(start);
    try {
      return this.parseDollarAt(start);
    } catch (e) {
      if (!(e instanceof SnippetSyntaxError)) throw e;
      // VS Code inserts what does not parse as text
      this.pos = start;
      return undefined;
    }
  }

  private parseDollarAt(start: number): SnippetNode | undefined {
    const rest = this.src.slice(start + 1);
    let m = /^[0-9]+/.exec(rest);
    if (m) {
      this.pos = start + 1 + m[0].length;
      return { type: 'tabstop', index: Number(m[0]) };
    }
    m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(rest);
    if (m) {
      this.pos = start + 1 + m[0].length;
      return this.variable(m[0], start);
    }
    if (rest[0] !== '{') return undefined;
    this.pos = start + 2;
    m = /^[0-9]+/.exec(this.src.slice(this.pos));
    if (m) {
      const index = Number(m[0]);
      this.pos += m[0].length;
      const c = this.src[this.pos];
      if (c === '}') {
        this.pos++;
        return { type: 'tabstop', index };
      }
      if (c === ':') {
        this.pos++;
        const children = this.parseSeq(true);
        this.pos++; // '}'
        return { type: 'tabstop', index, children };
      }
      if (c === '|') {
        this.pos++;
        const choices = this.parseChoices();
        return { type: 'tabstop', index, choices };
      }
      if (c === '/') {
        const transform = this.parseTransform();
        return { type: 'tabstop', index, transform };
      }
      if (this.strict) this.fail('expected "}", ":", "|" or "/" after the tab stop number');
      this.pos = start;
      return undefined;
    }
    m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(this.src.slice(this.pos));
    if (m) {
      const name = m[0];
      this.pos += name.length;
      const c = this.src[this.pos];
      if (c === '}') {
        this.pos++;
        return this.variable(name, start);
      }
      if (c === ':') {
        this.pos++;
        const children = this.parseSeq(true);
        this.pos++;
        return { ...this.variable(name, start), children };
      }
      if (c === '/') {
        const transform = this.parseTransform();
        return { ...this.variable(name, start), transform };
      }
      if (this.strict) this.fail('expected "}", ":" or "/" after the variable name');
    } else if (this.strict) {
      this.fail('expected a number or a variable name after "${"');
    }
    this.pos = start;
    return undefined;
  }

  variable(name: string, at: number): VariableNode {
    if (this.strict && !KNOWN_VARIABLES.includes(name)) this.fail(`unknown variable "${name}"`, at);
    return { type: 'variable', name };
  }

  parseChoices(): string[] {
    const choices: string[] = [];
    let cur = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && /[$}\\,|]/.test(this.src[this.pos + 1] ?? '')) {
        cur += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        choices.push(cur);
        cur = '';
        this.pos++;
        continue;
      }
      if (c === '|' && this.src[this.pos + 1] === '}') {
        choices.push(cur);
        this.pos += 2;
        if (this.strict && choices.some((x) => x === '')) this.fail('empty choice');
        return choices;
      }
      cur += c;
      this.pos++;
    }
    return this.fail('unclosed choice "${n|…|}"');
  }

  /** At the `/` of `${x/regex/format/options}`; consumes through the closing `}`. */
  parseTransform(): Transform {
    this.pos++; // '/'
    const regexSrc = this.until('/', true);
    const formatSrc = this.untilFormatEnd();
    const optStart = this.pos;
    while (this.pos < this.src.length && this.src[this.pos] !== '}') this.pos++;
    if (this.pos >= this.src.length) this.fail('unclosed transform');
    const options = this.src.slice(optStart, this.pos);
    this.pos++;
    let regex: RegExp;
    try {
      regex = new RegExp(regexSrc, options);
    } catch (e) {
      return this.fail(`bad regular expression in transform: ${(e as Error).message}`, optStart);
    }
    return { regex, format: parseFormat(formatSrc) };
  }

  /** The format of a transform: up to an unescaped `/` outside `${…}` groups. */
  untilFormatEnd(): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length) {
        const n = this.src[this.pos + 1];
        out += n === '/' || n === '\\' ? n : c + n;
        this.pos += 2;
        continue;
      }
      if (c === '$' && this.src[this.pos + 1] === '{') {
        const close = this.src.indexOf('}', this.pos);
        if (close < 0) this.fail('unclosed "${" in a transform format');
        out += this.src.slice(this.pos, close + 1);
        this.pos = close + 1;
        continue;
      }
      if (c === '/') {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    return this.fail('expected "/" after the transform format');
  }

  /** Text up to an unescaped `stop`; for the regex, escapes are kept as written. */
  until(stop: string, keepEscapes: boolean): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length) {
        const n = this.src[this.pos + 1];
        // "\/" is the delimiter escaped; in the format "\\" is a backslash; other escapes stay (the regex needs them)
        out += n === stop || (!keepEscapes && n === '\\') ? n : c + n;
        this.pos += 2;
        continue;
      }
      if (c === stop) {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    return this.fail(`expected "${stop}" in transform`);
  }
}

function parseFormat(src: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let text = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '$') {
      let m = /^\$([0-9]+)/.exec(src.slice(i));
      if (m) {
        if (text) parts.push(text);
        text = '';
        parts.push({ group: Number(m[1]) });
        i += m[0].length;
        continue;
      }
      m = /^\$\{([0-9]+)(?::(\/(upcase|downcase|capitalize|camelcase|pascalcase)|\+([^}]*)|\?([^:}]*):([^}]*)|-?([^}]*)))?\}/.exec(src.slice(i));
      if (m) {
        if (text) parts.push(text);
        text = '';
        const group = Number(m[1]);
        if (m[3]) parts.push({ group, modifier: m[3] as 'upcase' });
        else if (m[4] !== undefined) parts.push({ group, ifValue: m[4] });
        else if (m[5] !== undefined) parts.push({ group, ifValue: m[5], elseValue: m[6] });
        else if (m[7] !== undefined) parts.push({ group, elseValue: m[7] });
        else parts.push({ group });
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) parts.push(text);
  return parts;
}

export function parseSnippet(body: string | readonly string[], opts: { strict?: boolean } = {}): SnippetNode[] {
  const src = typeof body === 'string' ? body : body.join('\n');
  return new Parser(src, opts.strict ?? true).parseSeq(false);
}

function applyTransform(value: string, t: Transform): string {
  const one = (match: RegExpExecArray): string =>
    t.format
      .map((p) => {
        if (typeof p === 'string') return p;
        const g = match[p.group] ?? '';
        if (p.modifier === 'upcase') return g.toUpperCase();
        if (p.modifier === 'downcase') return g.toLowerCase();
        if (p.modifier === 'capitalize') return g.charAt(0).toUpperCase() + g.slice(1);
        if (p.modifier) return g;
        if (p.ifValue !== undefined && p.elseValue !== undefined) return g ? p.ifValue : p.elseValue;
        if (p.ifValue !== undefined) return g ? p.ifValue : '';
        if (p.elseValue !== undefined) return g || p.elseValue;
        return g;
      })
      .join('');
  const re = new RegExp(t.regex.source, t.regex.flags);
  if (!re.global) {
    const m = re.exec(value);
    return m ? value.slice(0, m.index) + one(m) + value.slice(m.index + m[0].length) : value;
  }
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    out += value.slice(last, m.index) + one(m);
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  return out + value.slice(last);
}

export interface Expansion {
  text: string;
  /** Tab stop number → the ranges (offsets into `text`) it selects; $0 included when present. */
  tabstops: Map<number, { start: number; end: number }[]>;
}

/**
 * Expand as VS Code inserts the snippet: placeholders and choices give their
 * default (the first choice), mirrors repeat the first placeholder's text,
 * variables resolve through `variables` (unknown ones insert their default,
 * or their name as VS Code does).
 */
export function expandSnippet(nodes: readonly SnippetNode[], variables: Readonly<Record<string, string>> = {}): Expansion {
  // first pass: the default of each tab stop
  const defaults = new Map<number, SnippetNode[] | string>();
  const collect = (list: readonly SnippetNode[]) => {
    for (const n of list) {
      if (n.type === 'tabstop') {
        if (n.children && !defaults.has(n.index)) defaults.set(n.index, n.children);
        else if (n.choices && !defaults.has(n.index)) defaults.set(n.index, n.choices[0] ?? '');
        if (n.children) collect(n.children);
      } else if (n.type === 'variable' && n.children) collect(n.children);
    }
  };
  collect(nodes);

  const tabstops = new Map<number, { start: number; end: number }[]>();
  let text = '';
  const emit = (list: readonly SnippetNode[], depth: number, record = true) => {
    if (depth > 50) throw new SnippetSyntaxError('placeholders nest too deeply (a placeholder containing itself?)', 0);
    for (const n of list) {
      if (n.type === 'text') text += n.value;
      else if (n.type === 'variable') {
        const v = variables[n.name];
        if (v !== undefined) text += n.transform ? applyTransform(v, n.transform) : v;
        else if (n.children) emit(n.children, depth + 1, record);
        else text += n.name;
      } else {
        const start = text.length;
        if (n.transform) {
          const before = text.length;
          const d = defaults.get(n.index);
          if (typeof d === 'string') text += d;
          else if (d) emit(d, depth + 1, false);
          const value = text.slice(before);
          text = text.slice(0, before) + applyTransform(value, n.transform);
        } else {
          // a mirror ($1 after ${1:…}) repeats the text; the tab stops inside it are not stops again
          const own = n.children ?? n.choices?.[0];
          const d = own ?? defaults.get(n.index);
          if (typeof d === 'string') text += d;
          else if (d) emit(d, depth + 1, record && own !== undefined);
        }
        if (record) {
          const list2 = tabstops.get(n.index) ?? [];
          list2.push({ start, end: text.length });
          tabstops.set(n.index, list2);
        }
      }
    }
  };
  emit(nodes, 0);
  return { text, tabstops };
}

/** Problems a snippet author should fix; empty when the snippet is fine. */
export function lintSnippet(nodes: readonly SnippetNode[]): string[] {
  const problems: string[] = [];
  const defaults = new Map<number, string>();
  const walk = (list: readonly SnippetNode[]) => {
    for (const n of list) {
      if (n.type === 'tabstop') {
        const d = n.children ? JSON.stringify(n.children) : n.choices ? JSON.stringify(n.choices) : undefined;
        if (d !== undefined) {
          const prev = defaults.get(n.index);
          if (prev !== undefined && prev !== d) problems.push(`tab stop $${n.index} has two different defaults`);
          defaults.set(n.index, d);
        }
        if (n.children) walk(n.children);
      } else if (n.type === 'variable' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return problems;
}

/** Today's date variables, as VS Code computes them (for expanding in tests). */
export function dateVariables(d: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(d.getFullYear()),
    CURRENT_YEAR_SHORT: String(d.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(d.getMonth() + 1),
    CURRENT_DATE: pad(d.getDate()),
    CURRENT_HOUR: pad(d.getHours()),
    CURRENT_MINUTE: pad(d.getMinutes()),
    CURRENT_SECOND: pad(d.getSeconds()),
  };
}
