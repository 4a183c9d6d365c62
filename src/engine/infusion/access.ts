// §5 step 2: group by vascular access (R1.5, R6.1, R9.4, R8.5). A different site is its own
// access only when documented as medically necessary (`separateAccessJustified`).
import type { Warning } from '../types.ts';
import type { AccessGroup, IvItem } from './model.ts';
import { warn } from './warnings.ts';

function siteOf(item: IvItem): string {
  return item.admin.site?.trim().toLowerCase() ?? '';
}

export function groupByAccess(items: IvItem[]): { groups: AccessGroup[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const justified = new Set<string>();
  for (const i of items) if (i.admin.separateAccessJustified && siteOf(i)) justified.add(siteOf(i));
  // Main access: the site of the earliest administration not at a justified separate site.
  const firstMain = items.find((i) => siteOf(i) && !justified.has(siteOf(i)));
  const firstAny = items.find((i) => siteOf(i));
  const mainSite = firstMain ? siteOf(firstMain) : firstAny ? siteOf(firstAny) : '';
  justified.delete(mainSite);

  const main: AccessGroup = { site: mainSite, items: [] };
  const others = new Map<string, AccessGroup>();
  const unjustified: string[] = [];
  for (const i of items) {
    const site = siteOf(i);
    if (!site || site === mainSite) {
      main.items.push(i);
    } else if (justified.has(site)) {
      let g = others.get(site);
      if (!g) {
        g = { site, items: [] };
        others.set(site, g);
      }
      g.items.push(i);
    } else {
      main.items.push(i);
      unjustified.push(i.admin.ref);
    }
  }
  if (unjustified.length > 0) {
    const mainRefs = main.items
      .filter((i) => siteOf(i) === mainSite && mainSite)
      .slice(0, 1)
      .map((i) => i.admin.ref);
    warnings.push(warn('SECOND_IV_SITE_NOT_JUSTIFIED', [...mainRefs, ...unjustified]));
  }
  const groups = [main, ...others.values()].filter((g) => g.items.length > 0);
  return { groups, warnings };
}
