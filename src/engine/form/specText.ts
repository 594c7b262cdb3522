import { FORM_SPEC_TEXT } from '../strings';
import { FormSpec, Question } from './spec';

/** The form's description as Russian text: what to click in Google Forms to build the same form. */
export function formSpecText(spec: FormSpec): string {
  const t = FORM_SPEC_TEXT;
  const lines = [t.heading, '', t.title(spec.title), t.description(spec.description), t.confirmation(spec.confirmation), '', t.questions, ''];
  spec.questions.forEach((q, i) => {
    lines.push(`${i + 1}. «${q.title}» — ${t.kind[q.kind]}, ${t.required(q.required)}.`, `   ${t.help(q.help)}`);
    lines.push(...details(q).map((d) => `   ${d}`), '');
  });
  lines.push(`${t.linkHeading}:`, ...t.link.map((l) => `  • ${l}`));
  if (spec.remarks.length > 0) lines.push('', `${t.remarks}:`, ...spec.remarks.map((r) => `  • ${r}`));
  return lines.join('\n');
}

function details(q: Question): string[] {
  const t = FORM_SPEC_TEXT;
  switch (q.kind) {
    case 'list':
      if (q.choices.length === 0) return [t.noSchools];
      return [t.choices(q.choices.length), ...q.choices.map((c) => `     ${c}`)];
    case 'count':
      return [t.pattern(q.pattern, q.validationHelp)];
    case 'email':
      return [t.email(q.validationHelp)];
    case 'paragraph':
      return [];
  }
}
