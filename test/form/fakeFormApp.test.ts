/// <reference path="../../src/addon/formsPublishing.d.ts" />
/** The in-memory FormApp behaves like Google's where the add-on depends on it. */
import { FORMS_SCOPE } from '../../src/addon/auth';
import { sheetsEnvironment } from '../support/appsScriptVm';
import { FormRejected, INVALID_FORM_DATA, INVALID_RESPONSE, UNPUBLISHED_MESSAGE } from '../support/fakeFormApp';

function setup(locale = 'ru_RU') {
  const env = sheetsEnvironment({ sheets: [{ name: 'Данные', rows: [['x']] }], locale });
  env.auth.grant(FORMS_SCOPE);
  const FormApp = env.globals.FormApp;
  const form = FormApp.create('Анкета');
  const list = form.addListItem().setTitle('Школа').setRequired(true).setChoiceValues(['А (код 1)', 'Б (код 2)']);
  const count = form.addTextItem().setTitle('Число').setRequired(true);
  return { env, FormApp, form, list, count };
}

describe('the fake FormApp', () => {
  it('a new form is unpublished: no answers, no links, until setPublished(true)', () => {
    const { env, form, list } = setup();
    expect(form.isPublished()).toBe(false);
    expect(() => form.getPublishedUrl()).toThrow(UNPUBLISHED_MESSAGE);
    expect(() => form.createResponse().withItemResponse(list.createResponse('А (код 1)')).toPrefilledUrl()).toThrow(UNPUBLISHED_MESSAGE);
    expect(() => env.forms.respond(form.getId(), { Школа: 'А (код 1)', Число: '1' }, new Date())).toThrow(FormRejected);
    form.setPublished(true);
    expect(form.getPublishedUrl()).toMatch(/\/forms\/d\/e\/.+\/viewform$/);
    expect(form.isAcceptingResponses()).toBe(true);
  });

  it('a dropdown refuses an answer it does not offer and an empty list of choices', () => {
    const { list } = setup();
    expect(() => list.createResponse('В (код 3)')).toThrow(INVALID_RESPONSE);
    expect(() => list.setChoiceValues([])).toThrow(INVALID_FORM_DATA);
    expect(() => list.setChoiceValues(['А', 'А'])).toThrow(INVALID_FORM_DATA);
    expect(list.getChoices().map((c) => c.getValue())).toEqual(['А (код 1)', 'Б (код 2)']);
  });

  it('a validation keeps one rule: the last require… wins', () => {
    const { env, FormApp, form, count } = setup();
    count.setValidation(FormApp.createTextValidation().setHelpText('целое ≥ 0').requireWholeNumber().requireTextMatchesPattern('^[0-9]+$').build());
    expect(env.forms.dump(form.getId()).items[1].validation).toEqual({ rule: 'pattern', pattern: '^[0-9]+$', helpText: 'целое ≥ 0' });
    expect(() => count.setValidation({} as GoogleAppsScript.Forms.TextValidation)).toThrow(/don't match the method signature/);
  });

  it('prefilled links name entries by numbers that are not the items’ ids', () => {
    const { form, list } = setup();
    form.setPublished(true);
    const url = form.createResponse().withItemResponse(list.createResponse('Б (код 2)')).toPrefilledUrl();
    const m = /entry\.(\d+)=([^&]*)/.exec(url) as RegExpExecArray;
    expect(Number(m[1])).not.toBe(list.getId());
    expect(m[2]).toBe('%D0%91+(%D0%BA%D0%BE%D0%B4+2)');
    expect(form.getItemById(list.getId())?.getTitle()).toBe('Школа');
    expect(form.getItemById(42)).toBeNull();
  });

  it('setDestination adds «Ответы на форму (N)» first, answers append under the titles, a new question gets a column', () => {
    const { env, form } = setup();
    form.setPublished(true);
    form.setDestination(env.globals.FormApp.DestinationType.SPREADSHEET, env.spreadsheet.getId());
    expect(env.workbook.sheetNames()).toEqual(['Ответы на форму (1)', 'Данные']);
    env.forms.respond(form.getId(), { Школа: 'А (код 1)', Число: ' 27 ' }, new Date(Date.UTC(2026, 10, 1)));
    form.addTextItem().setTitle('Почта');
    env.forms.respond(form.getId(), { Школа: 'Б (код 2)', Число: '3', Почта: '=HYPERLINK("x")' }, new Date(Date.UTC(2026, 10, 2)));
    const values = env.dumpSheet('Ответы на форму (1)').values;
    expect(values[0]).toEqual(['Отметка времени', 'Школа', 'Число', 'Почта']);
    expect(values[1].slice(1)).toEqual(['А (код 1)', 27, '']);
    expect(values[2].slice(1)).toEqual(['Б (код 2)', 3, '=HYPERLINK("x")']);
    expect(env.dumpSheet('Ответы на форму (1)').formulas[2][3]).toBe('');
    expect(env.dumpSheet('Ответы на форму (1)').frozenRows).toBe(1);
    // Linking a second form: the next free number.
    const other = env.globals.FormApp.create('Вторая');
    other.addTextItem().setTitle('Q');
    other.setDestination(env.globals.FormApp.DestinationType.SPREADSHEET, env.spreadsheet.getId());
    expect(env.workbook.sheetNames()[0]).toBe('Ответы на форму (2)');
    expect(env.spreadsheet.getFormUrl()).toContain(other.getId());
  });

  it('in an English spreadsheet the sheet is «Form Responses 1» with «Timestamp»', () => {
    const { env, form } = setup('en_US');
    form.setDestination(env.globals.FormApp.DestinationType.SPREADSHEET, env.spreadsheet.getId());
    expect(env.dumpSheet('Form Responses 1').values[0]).toEqual(['Timestamp', 'Школа', 'Число']);
  });

  it('the web form checks required answers and validations; a bad prefilled choice is left empty', () => {
    const { env, FormApp, form, list, count } = setup();
    count.setValidation(FormApp.createTextValidation().setHelpText('только цифры').requireTextMatchesPattern('^\\s*[0-9]+\\s*$').build());
    form.setPublished(true);
    try {
      env.forms.respond(form.getId(), { Число: 'около 30' }, new Date());
      throw new Error('принято');
    } catch (e) {
      expect((e as FormRejected).problems).toEqual({ Школа: 'Это обязательный вопрос.', Число: 'только цифры' });
    }
    const url = form.createResponse().withItemResponse(list.createResponse('А (код 1)')).toPrefilledUrl();
    expect(env.forms.openLink(url).prefilled).toEqual({ Школа: 'А (код 1)' });
    list.setChoiceValues(['Б (код 2)']);
    expect(env.forms.openLink(url).prefilled).toEqual({});
  });

  it('openById of a deleted form fails as Google’s does; calls are counted per service', () => {
    const { env, FormApp, form } = setup();
    env.calls.reset();
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Анкета');
    expect(env.calls.count('FormApp.openById')).toBe(1);
    expect(env.calls.count('Form.getTitle')).toBe(1);
    env.forms.trash(form.getId());
    expect(() => FormApp.openById(form.getId())).toThrow('No item with the given ID could be found, or you do not have permission to access it.');
  });
});
