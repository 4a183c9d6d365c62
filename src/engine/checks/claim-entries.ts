// Claim and derived lines in one comparable shape: summed per code + modifiers + date
// (contract §3), trial modifiers kept apart (research-billing §10 step 4).
import type { ClaimInfo, ClaimLineInfo, DerivedLine } from '../types.ts';
import { round2 } from './money.ts';
import { isTrialModifier } from './trial-lines.ts';

export interface Entry {
  code: string;
  date: string;
  /** Non-trial modifiers, sorted. */
  mods: string[];
  /** Q0/Q1 present, sorted. */
  trial: string[];
  units: number;
  /** Derived: amount (USD); claim: item.net. */
  amount?: number;
  sources: string[];
  drugName?: string;
  kind?: DerivedLine['kind'];
  ndc: string[];
}

export function modsKey(mods: string[]): string {
  return [...mods].sort().join(',');
}

function entryKey(e: Pick<Entry, 'code' | 'date' | 'mods' | 'trial'>): string {
  return `${e.code}|${modsKey(e.mods)}|${modsKey(e.trial)}|${e.date}`;
}

function merge(into: Map<string, Entry>, e: Entry): void {
  const key = entryKey(e);
  const prev = into.get(key);
  if (!prev) {
    into.set(key, e);
    return;
  }
  prev.units += e.units;
  if (e.amount !== undefined || prev.amount !== undefined) {
    prev.amount = round2((prev.amount ?? 0) + (e.amount ?? 0));
  }
  for (const s of e.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
  for (const n of e.ndc) if (!prev.ndc.includes(n)) prev.ndc.push(n);
  prev.drugName ??= e.drugName;
}

function split(mods: string[]): { mods: string[]; trial: string[] } {
  const upper = mods.map((m) => m.toUpperCase());
  return {
    mods: upper.filter((m) => !isTrialModifier(m)).sort(),
    trial: [...new Set(upper.filter(isTrialModifier))].sort(),
  };
}

export function derivedEntries(lines: DerivedLine[]): Entry[] {
  const out = new Map<string, Entry>();
  for (const l of lines) {
    merge(out, {
      code: l.code,
      date: l.date,
      ...split(l.modifiers),
      units: l.units,
      amount: l.amount,
      sources: [...l.sources],
      drugName: l.drugName,
      kind: l.kind,
      ndc: l.ndc ? [l.ndc.code] : [],
    });
  }
  return [...out.values()];
}

export function claimEntries(claim: ClaimInfo, dos: string): Entry[] {
  const out = new Map<string, Entry>();
  for (const l of claim.lines) merge(out, claimEntry(l, claim, dos));
  return [...out.values()];
}

function claimEntry(l: ClaimLineInfo, claim: ClaimInfo, dos: string): Entry {
  return {
    code: l.code.toUpperCase(),
    date: l.date ?? dos,
    ...split(l.modifiers),
    units: l.units,
    amount: l.net,
    sources: [claim.ref],
    ndc: l.ndc ? [l.ndc] : [],
  };
}

/** Drug-administration CPT range the engine derives (infusion-rules §3). */
export function isAdministrationCode(code: string): boolean {
  if (!/^\d{5}$/.test(code)) return false;
  const n = Number(code);
  return n >= 96360 && n <= 96549;
}

/** E/M visit codes: never derived; trial-related only through a linked Encounter (T-07). */
export function isEvaluationCode(code: string): boolean {
  return /^992\d{2}$/.test(code) || code === 'G0463';
}

/** Codes the engine derives and can therefore compare line by line. */
export function isComparable(code: string, derivedCodes: Set<string>): boolean {
  return (
    derivedCodes.has(code) ||
    isAdministrationCode(code) ||
    /^(J\d{4}|Q\d{4}|C9\d{3}|A9\d{3})$/.test(code)
  );
}

export function describe(e: Pick<Entry, 'code' | 'mods' | 'trial' | 'units'>): string {
  const mods = [...e.mods, ...e.trial];
  return `${e.code}${mods.length ? `-${mods.join('-')}` : ''} × ${e.units}`;
}
