// The coordinator's panel. Talks to the server only through google.script.run (server.ts,
// src/addon/panel.ts); every piece of data goes into the page as text (dom.ts), never as HTML.
import { save, setupCalculation } from './calculation';
import { reloadImportSheetsIfOpen, setupImportPanel } from './importPanel';
import { setupDocument } from './document';
import { setupMonitoring, setupRoadmap } from './prepareSheet';
import { setupHistory } from './history';
import { setupForm } from './form';
import { setupSettingsForm } from './settingsForm';
import { load, setupRefresh } from './workbook';

const reload = () => load(reloadImportSheetsIfOpen);

setupCalculation();
setupRefresh(() => void reload());
setupSettingsForm(() => void save());
setupImportPanel();
setupMonitoring();
setupRoadmap();
setupHistory();
setupForm();
setupDocument();

void reload();
