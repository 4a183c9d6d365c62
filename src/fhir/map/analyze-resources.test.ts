import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/index.ts';
import { builtinReference } from '../../reference/builtin.ts';
import { analyzeResources } from './analyze-resources.ts';
import { administration, bundle } from '../test-kit/resources.ts';

describe('analyzeResources', () => {
  it('reports an encounter whose only administration is invalid (INVALID_RESOURCE still shown)', () => {
    const results = analyzeResources(
      [
        bundle(
          administration(),
          administration({ id: 'bad', status: undefined, context: { reference: 'Encounter/e2' } }),
        ),
      ],
      { config: defaultConfig(), reference: builtinReference() },
    );
    const e2 = results.find((r) => r.encounter === 'Encounter/e2');
    expect(e2).toMatchObject({ lines: [], dateOfService: '2026-03-02', setting: 'professional' });
    expect(e2?.warnings.map((w) => [w.code, w.sources])).toEqual([
      ['INVALID_RESOURCE', ['MedicationAdministration/bad']],
    ]);
    expect(results.find((r) => r.encounter === 'Encounter/e1')?.lines.length).toBeGreaterThan(0);
  });
});
