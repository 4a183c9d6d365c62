import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTables } from './build/route-tables.ts';
import { builtinRouteTables, decideRoute } from './builtin-routes.ts';
import { HAS_SHARED, SHARED_CMS } from './test-kit/cms-files.ts';
import { normalizeRouteSystem, routeFamilyOf } from './route.ts';
import type { RouteClass, RouteFamily, RouteInput } from './route-types.ts';

const tables = builtinRouteTables();
const SCT = 'http://snomed.info/sct';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';
const V2 = 'http://terminology.hl7.org/CodeSystem/v2-0162';
const V2M = 'http://terminology.hl7.org/CodeSystem/v2-0165';
const NCI = 'http://ncimeta.nci.nih.gov';

const byCode = (system: string, code: string, extra: Partial<RouteInput> = {}): RouteInput => ({
  route: { coding: [{ system, code }] },
  drugNames: [],
  ...extra,
});
const byText = (text: string): RouteInput => ({ route: { coding: [], text }, drugNames: [] });

describe('route tables (medication-vocabulary §1–2)', () => {
  it.skipIf(!HAS_SHARED)(
    'src/reference/data/routes.json is what `npm run reference:build` makes today',
    () => {
      const fresh = JSON.parse(JSON.stringify(routeTables(resolve(SHARED_CMS, '../..'))));
      expect(fresh).toEqual(JSON.parse(JSON.stringify(tables)));
    },
  );

  it('carries every route code, method, text and dose form of the vocabulary', () => {
    expect(tables.routeCodes.length).toBe(567);
    expect(tables.methodCodes.length).toBe(29);
    expect(tables.doseForms.length).toBe(195);
    expect(tables.medicationForms.length).toBe(352);
  });
});

describe('R20.1 route decision: every route code of routes.json', () => {
  it.each(tables.routeCodes)('%s %s → %s', (system, code, cls) => {
    const d = decideRoute(byCode(system, code));
    expect(d.class).toBe(cls);
    expect(d.family).toBe(routeFamilyOf(cls));
    expect(d.from).toBe('route-code');
  });
});

describe('R20.1 route decision: every route text of routes.json (vendor codes by text)', () => {
  it.each(tables.texts)('"%s" → %s', (text, cls) => {
    expect(decideRoute(byText(text)).class).toBe(cls);
  });
});

describe('R20.1 method codes of routes.json with an IV route (§1.3 step 3)', () => {
  it.each(tables.methodCodes)('%s %s (%s, %s)', (system, code, cls, effect) => {
    const d = decideRoute(byCode(SCT, '47625008', { method: { coding: [{ system, code }] } }));
    expect(d.class).toBe(effect === 'push' ? 'iv-push-method' : 'iv');
    // With no route, a method that names a route class decides it (Swallow → oral).
    const alone = decideRoute({ method: { coding: [{ system, code }] }, drugNames: [] });
    expect(alone.class).toBe(effect === 'push' ? 'iv-push-method' : cls);
  });
});

describe('R20.3 no route: the RxNorm dose form of the drug name (§1.3 step 4, §2)', () => {
  it.each(tables.doseForms)('"%s" → %s (non-parenteral %s)', (form, cls, nonParenteral) => {
    const d = decideRoute({ drugNames: [`examplamide 10 MG ${form} [Brandex]`] });
    expect(d.class).toBe(cls);
    expect(d.doseForm).toBe(form);
    if (nonParenteral) expect(d.family).toBe('non-parenteral');
    if (cls === 'unknown' || cls === 'parenteral-unknown') expect(d.family).toBe('unknown');
  });
});

describe('R20.3 no route, no RxNorm name: Medication.form (§1.3 step 6)', () => {
  it.each(tables.medicationForms)('SNOMED form %s → %s', (code, cls) => {
    const d = decideRoute({ drugNames: [], form: { coding: [{ system: SCT, code }] } });
    expect(d.class).toBe(cls);
  });
});

describe('R20.1 route families', () => {
  it.each<[RouteClass, RouteFamily]>([
    ['iv', 'iv'],
    ['iv-push-method', 'iv-push'],
    ['sc', 'sc'],
    ['im', 'im'],
    ['oral', 'non-parenteral'],
    ['topical', 'non-parenteral'],
    ['transdermal', 'non-parenteral'],
    ['inhalation', 'non-parenteral'],
    ['rectal', 'non-parenteral'],
    ['other-non-parenteral', 'non-parenteral'],
    ['intra-arterial', 'out-of-scope'],
    ['intrathecal', 'out-of-scope'],
    ['intravesical', 'out-of-scope'],
    ['intraperitoneal', 'out-of-scope'],
    ['intravitreal', 'out-of-scope'],
    ['other-parenteral', 'out-of-scope'],
    ['parenteral-unknown', 'unknown'],
    ['unknown', 'unknown'],
  ])('%s → %s', (cls, family) => {
    expect(routeFamilyOf(cls)).toBe(family);
  });
});

describe('R20.1–R20.3 route decision: worked rows', () => {
  it.each<[string, RouteInput, RouteClass, string]>([
    ['R20.3 nothing at all', { drugNames: [] }, 'unknown', 'none'],
    ['R20.3 a drug name with no dose form', { drugNames: ['DOXOrubicin'] }, 'unknown', 'none'],
    ['SNOMED 47625008 Intravenous route', byCode(SCT, '47625008'), 'iv', 'route-code'],
    ['SNOMED 255560000 Intravenous (qualifier)', byCode(SCT, '255560000'), 'iv', 'route-code'],
    [
      'SNOMED edition URI',
      byCode('http://snomed.info/sct/731000124108', '255560000'),
      'iv',
      'route-code',
    ],
    ['SNOMED OID', byCode('urn:oid:2.16.840.1.113883.6.96', '26643006'), 'oral', 'route-code'],
    ['SNOMED 263887005 Subcutaneous (qualifier)', byCode(SCT, '263887005'), 'sc', 'route-code'],
    ['SNOMED 78421000 IM', byCode(SCT, '78421000'), 'im', 'route-code'],
    [
      'SNOMED 445755006 intravascular',
      byCode(SCT, '445755006'),
      'parenteral-unknown',
      'route-code',
    ],
    [
      'v3 old URI IV',
      byCode('http://hl7.org/fhir/v3/RouteOfAdministration', 'IV'),
      'iv',
      'route-code',
    ],
    [
      'v3 OID IVPUSH',
      byCode('urn:oid:2.16.840.1.113883.5.112', 'IVPUSH'),
      'iv-push-method',
      'route-code',
    ],
    ['v3 PARENTINJ', byCode(V3, 'PARENTINJ'), 'parenteral-unknown', 'route-code'],
    ['v2-0162 PO', byCode(V2, 'PO'), 'oral', 'route-code'],
    [
      'v2-0162 OID IT',
      byCode('urn:oid:2.16.840.1.113883.12.162', 'IT'),
      'intrathecal',
      'route-code',
    ],
    ['v2-0162 OTH, no text', byCode(V2, 'OTH'), 'unknown', 'route-code'],
    ['NCI C38279 INTRAVENOUS DRIP', byCode(NCI, 'C38279'), 'iv', 'route-code'],
    [
      'NCI Thesaurus alias C38274',
      byCode('http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl', 'C38274'),
      'iv-push-method',
      'route-code',
    ],
    [
      'Cerner code set 4001 318170 "IV" read by text',
      {
        route: {
          coding: [
            {
              system: 'https://fhir.cerner.com/ec2458f2/codeSet/4001',
              code: '318170',
              display: 'IV',
            },
          ],
        },
        drugNames: [],
      },
      'iv',
      'route-text',
    ],
    [
      'Epic route OID 15 "Oral" read by text',
      {
        route: {
          coding: [
            {
              system: 'urn:oid:1.2.840.114350.1.13.0.1.7.4.798268.7025',
              code: '15',
              display: 'Oral',
            },
          ],
        },
        drugNames: [],
      },
      'oral',
      'route-text',
    ],
    [
      'an unknown local code is not read by its code',
      { route: { coding: [{ system: 'urn:local', code: 'IV' }] }, drugNames: [] },
      'unknown',
      'none',
    ],
    ['text "IV Piggyback"', byText('IV Piggyback'), 'iv', 'route-text'],
    ['text "SubQ"', byText('SubQ'), 'sc', 'route-text'],
    ['text "IT" whole field', byText('IT'), 'intrathecal', 'route-text'],
    ['text "it" inside a sentence says nothing', byText('give it slowly'), 'unknown', 'none'],
    ['text "Voie intraveineuse"', byText('Voie intraveineuse'), 'iv', 'route-text'],
    [
      'text "IV push over 2 minutes"',
      byText('IV push over 2 minutes'),
      'iv-push-method',
      'route-text',
    ],
    ['text "by mouth"', byText('By mouth'), 'oral', 'route-text'],
    [
      'medadmin0301: 47625008 + method text "IV Push"',
      byCode(SCT, '47625008', { method: { coding: [], text: 'IV Push' } }),
      'iv-push-method',
      'route-code',
    ],
    [
      'medrx0318: 255560000 + method 420620005 Push',
      byCode(SCT, '255560000', { method: { coding: [{ system: SCT, code: '420620005' }] } }),
      'iv-push-method',
      'route-code',
    ],
    [
      'medadmin0302: 47625008 + method text "Continuous infusion"',
      byCode(SCT, '47625008', { method: { coding: [], text: 'Continuous infusion' } }),
      'iv',
      'route-code',
    ],
    [
      'medadmin0309: 255560000 + method text "PICC line"',
      byCode(SCT, '255560000', { method: { coding: [], text: 'PICC line' } }),
      'iv',
      'route-code',
    ],
    [
      'route.text "IV Push" refines a plain IV code',
      { route: { coding: [{ system: SCT, code: '47625008' }], text: 'IV Push' }, drugNames: [] },
      'iv-push-method',
      'route-code',
    ],
    [
      'v3 IVPUSH in dosage.method with an IV route',
      byCode(SCT, '47625008', { method: { coding: [{ system: V3, code: 'IVPUSH' }] } }),
      'iv-push-method',
      'route-code',
    ],
    [
      'v2-0165 IVP alone',
      { method: { coding: [{ system: V2M, code: 'IVP' }] }, drugNames: [] },
      'iv-push-method',
      'method-code',
    ],
    [
      'R20.4 Synthea: no route, "sodium fluoride 0.0272 MG/MG Oral Gel"',
      { drugNames: ['sodium fluoride 0.0272 MG/MG Oral Gel'] },
      'oral',
      'dose-form',
    ],
    [
      'R20.3 Synthea: no route, "… Injection" never more than parenteral-unknown',
      { drugNames: ['10 ML Doxorubicin Hydrochloride 2 MG/ML Injection'] },
      'parenteral-unknown',
      'dose-form',
    ],
    [
      'R20.3 no route, "… Injectable Solution" with a port site → IV (§1.3 step 5)',
      { drugNames: ['Carboplatin 10 MG/ML Injectable Solution'], siteText: 'Right chest port' },
      'iv',
      'site-text',
    ],
    [
      'no route, "Pen Injector" → sc',
      { drugNames: ['0.6 ML pegfilgrastim 10 MG/ML Pen Injector [Neulasta]'] },
      'sc',
      'dose-form',
    ],
    [
      'no route, "Transdermal System" with brand',
      { drugNames: ['72 HR fentanyl 0.05 MG/HR Transdermal System [Duragesic]'] },
      'transdermal',
      'dose-form',
    ],
    [
      'no route, Medication.form text "Rectal Suppository"',
      { drugNames: ['Paracetamol'], form: { coding: [], text: 'Rectal Suppository' } },
      'rectal',
      'medication-form',
    ],
    [
      'a route code wins over the dose form',
      byCode(SCT, '47625008', { drugNames: ['Methotrexate 2.5 MG Oral Tablet'] }),
      'iv',
      'route-code',
    ],
  ])('%s', (_name, input, cls, from) => {
    const d = decideRoute(input);
    expect(d.class).toBe(cls);
    expect(d.from).toBe(from);
    expect(d.family).toBe(routeFamilyOf(cls));
  });

  it('names the evidence that decided', () => {
    expect(decideRoute(byCode(SCT, '255560000'))).toEqual({
      class: 'iv',
      family: 'iv',
      from: 'route-code',
      evidence: 'http://snomed.info/sct|255560000',
    });
    expect(
      decideRoute(byCode(SCT, '47625008', { method: { coding: [], text: 'IV Push' } })).method,
    ).toBe('IV Push');
  });

  it.each([
    ['urn:oid:2.16.840.1.113883.5.112', V3],
    ['http://hl7.org/fhir/v2/0162', V2],
    ['urn:oid:2.16.840.1.113883.12.165', V2M],
    [' http://snomed.info/sct ', SCT],
    ['urn:local', 'urn:local'],
  ])('system alias %s → %s', (alias, system) => {
    expect(normalizeRouteSystem(alias)).toBe(system);
  });
});

describe('medication-vocabulary §1.3 step 6 drug overrides', () => {
  it.each<[string, Parameters<typeof decideRoute>[0], string, string]>([
    [
      'BCG by its RxNorm name (Topical Suspension) is intravesical',
      { drugNames: ['BCG, live, Tice strain 50 MG/ML Topical Suspension'] },
      'intravesical',
      'drug-override',
    ],
    [
      'bacillus Calmette-Guérin by text is intravesical',
      { drugNames: ['Bacillus Calmette-Guerin for intravesical use'] },
      'intravesical',
      'drug-override',
    ],
    [
      'a route code wins over the override (BCG coded topical stays topical)',
      {
        route: { coding: [{ system: 'http://snomed.info/sct', code: '6064005' }] },
        drugNames: ['BCG, live, Tice strain 50 MG/ML Topical Suspension'],
      },
      'topical',
      'route-code',
    ],
    [
      'bevacizumab with no route is not overridden: parenteral-unknown, never IV (R20.3)',
      { drugNames: ['4 ML bevacizumab 25 MG/ML Injection'] },
      'parenteral-unknown',
      'dose-form',
    ],
    [
      'a name that only contains the letters bcg is not BCG',
      { drugNames: ['abcgamide 10 MG Oral Tablet'] },
      'oral',
      'dose-form',
    ],
  ])('%s', (_name, input, cls, from) => {
    const d = decideRoute(input);
    expect(d.class).toBe(cls);
    expect(d.from).toBe(from);
  });
});
