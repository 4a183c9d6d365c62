// Shared pieces of the worked cases: time helper, expected-line helper, common administrations.
import { admin, base } from './fhir-kit.mjs';

export const T = (hm, day = '02') => `2026-03-${day}T${hm}:00-05:00`;
export const L = (code, units, modifiers = [], extra = {}) => ({
  code,
  units,
  modifiers,
  ...extra,
});
export const cases = [];
/** add(area, name, rule, build(c) → {resources, drugs}, expected) */
export const add = (area, name, rule, build, expected) =>
  cases.push({ area, name, rule, build, expected });

// Common administrations.
export const pembro = (c, id, start, end, o = {}) =>
  admin(c, id, {
    drug: 'pembro',
    start,
    end,
    dose: [200, 'mg'],
    containers: [['pembro', 2]],
    discarded: [0, 'mg'],
    ...o,
  });
export const dexaInf = (c, id, start, end, o = {}) =>
  admin(c, id, {
    drug: 'dexa',
    start,
    end,
    dose: [10, 'mg'],
    containers: [['dexa', 1]],
    discarded: [0, 'mg'],
    ...o,
  });
export const dexaPush = (c, id, at, o = {}) =>
  dexaInf(c, id, undefined, undefined, { push: true, dateTime: at, ...o });
export const ondanPush = (c, id, at, o = {}) =>
  admin(c, id, {
    drug: 'ondan',
    push: true,
    dateTime: at,
    dose: [4, 'mg'],
    containers: [['ondan', 1]],
    discarded: [0, 'mg'],
    ...o,
  });
export const saline = (c, id, start, end, o = {}) =>
  admin(c, id, {
    hcpcs: 'J7050',
    text: 'Sodium chloride 0.9% infusion',
    start,
    end,
    dose: [500, 'mL'],
    ...o,
  });
export const nivo240 = (c, id, start, end, o = {}) =>
  admin(c, id, {
    drug: 'nivo100',
    start,
    end,
    dose: [240, 'mg'],
    containers: [
      ['nivo100', 2],
      ['nivo40', 1],
    ],
    discarded: [0, 'mg'],
    ...o,
  });
export const J9271 = L('J9271', 200, ['JZ']);
export const J1100 = L('J1100', 10, ['JZ']);
export const J2405 = L('J2405', 4, ['JZ']);
export const J7050 = L('J7050', 2);
export const J9299 = L('J9299', 240, ['JZ']);

export const one =
  (mk, drugs, opts = {}) =>
  (c) => ({ resources: [...base(c, opts), ...mk(c)], drugs });
export const chemo = L('96413', 1);
export const ondanInf = (c, id, start, end) =>
  admin(c, id, {
    drug: 'ondan',
    start,
    end,
    dose: [4, 'mg'],
    containers: [['ondan', 1]],
    discarded: [0, 'mg'],
  });
export const doxoPush = (c, id, at) =>
  admin(c, id, {
    drug: 'doxo50',
    push: true,
    dateTime: at,
    dose: [50, 'mg'],
    containers: [['doxo50', 1]],
    discarded: [0, 'mg'],
  });
