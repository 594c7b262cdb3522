import { SchoolRegistry } from './schools/registry';
import { Settings } from './settings';

/**
 * The municipality the titles name: the setting «Муниципалитет», else the one municipality of
 * «Справочник ОО»; null when neither says (or the registry lists several, as a region's does).
 */
export function municipalityName(settings: Settings, registry: SchoolRegistry): string | null {
  if (settings.municipality.trim()) return settings.municipality.trim();
  const names = new Set(registry.all().map((s) => s.municipality?.trim() ?? '').filter(Boolean));
  return names.size === 1 ? [...names][0] : null;
}
