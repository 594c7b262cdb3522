import { GENERATED_MARKER, PLACEMENT_TEXT } from '../strings';
import { Cell, cellText } from '../table';
import { fold } from '../text';

/** A sheet of the workbook as placement sees it: its name and whether its first cell carries our marker. */
export interface ExistingSheet {
  name: string;
  generated: boolean;
}

export interface Placement {
  /** The name the engine gives the sheet («Сводка»). */
  wanted: string;
  /** The name it is written under: the wanted one, or «Сводка (расчёт)» when «Сводка» is the user's. */
  name: string;
  /** The wanted name belongs to a sheet the user made (it has no marker): that sheet is never touched. */
  displaced: boolean;
}

export interface PlacementPlan {
  placements: Placement[];
  /** Our own sheets under an alternative name that are no longer needed (the wanted name is free again). */
  obsolete: string[];
}

/** A generated sheet says so in its first cell; a sheet without the marker is the user's. */
export function isGeneratedSheet(firstCell: Cell | undefined): boolean {
  return cellText(firstCell ?? null).startsWith(GENERATED_MARKER);
}

/** «Сводка», «Сводка (расчёт)», «Сводка (расчёт 2)», … */
export function alternativeName(wanted: string, n: number): string {
  return n === 0 ? wanted : n === 1 ? `${wanted} (${PLACEMENT_TEXT.suffix})` : `${wanted} (${PLACEMENT_TEXT.suffix} ${n})`;
}

const ALTERNATIVE = new RegExp(`^(.*) \\(${PLACEMENT_TEXT.suffix}(?: (\\d+))?\\)$`);

/**
 * True when a sheet of this name may be one of ours for one of `wanted`: a shell reads the first cell
 * of only these sheets (a bounded number), never of every sheet.
 */
export function isPlacementCandidate(sheetName: string, wanted: readonly string[]): boolean {
  const f = fold(sheetName);
  const alt = sheetName.match(ALTERNATIVE);
  return wanted.some((w) => fold(w) === f || (alt !== null && fold(alt[1]) === fold(w)));
}

/**
 * Where each generated sheet is written (issue 9): under its own name when that sheet is free or ours;
 * otherwise under the first alternative that is ours, else the first free one. A user's sheet is never
 * chosen. Names compare without regard to case, as Sheets and Excel do.
 */
export function placeSheets(wanted: readonly string[], existing: readonly ExistingSheet[]): PlacementPlan {
  const byName = new Map(existing.map((s) => [fold(s.name), s]));
  const taken = new Set<string>();
  const placements: Placement[] = [];
  const used = new Set<string>();
  for (const w of wanted) {
    const own = byName.get(fold(w));
    const displaced = own !== undefined && !own.generated;
    let name = w;
    if (displaced || taken.has(fold(w))) {
      let ours: string | null = null;
      let free: string | null = null;
      // Every taken name is an existing sheet or an earlier placement, so a free one lies within this bound.
      const limit = existing.length + wanted.length + 1;
      for (let n = 1; n <= limit && ours === null; n++) {
        const candidate = alternativeName(w, n);
        if (taken.has(fold(candidate))) continue;
        const there = byName.get(fold(candidate));
        if (there?.generated) ours = there.name;
        else if (!there && free === null) free = candidate;
      }
      name = ours ?? (free as string);
    } else if (own) {
      name = own.name;
    }
    taken.add(fold(name));
    used.add(fold(name));
    placements.push({ wanted: w, name, displaced });
  }
  const obsolete = existing
    .filter((s) => s.generated && !used.has(fold(s.name)))
    .filter((s) => {
      const alt = s.name.match(ALTERNATIVE);
      return alt !== null && wanted.some((w) => fold(w) === fold(alt[1]));
    })
    .map((s) => s.name);
  return { placements, obsolete };
}

/** The journal's words for a displaced sheet. */
export function displacementMessage(p: Placement): string {
  return PLACEMENT_TEXT.displaced(p.wanted, p.name);
}
