/**
 * The register's printer and serial scanners, as a manager sets them up: saved by the device host
 * to register.json and applied at once, with a test print to check the printer (docs/HARDWARE.md).
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { DeviceSetup, PrinterSetup, ScannerSetup } from '../../../src/ipc/contract';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';
import { currentTranslate, deviceProblem } from '../../i18n/device-text';

const NEW_PRINTER: PrinterSetup = {
  url: 'tcp://192.168.1.50:9100',
  type: 'epson',
  widthMm: 80,
  mode: 'codepage',
  codepage: 'cp1258',
  drawer: { pin: 2, onMs: 50, offMs: 500 },
};

function scannersText(scanners: readonly ScannerSetup[]): string {
  return scanners.map((scanner) => `${scanner.path}@${scanner.baudRate}`).join('\n');
}

function parseScanners(text: string): ScannerSetup[] | null {
  const scanners: ScannerSetup[] = [];
  for (const [index, line] of text
    .split('\n')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .entries()) {
    const match = /^(\S+)@(\d{3,6})$/.exec(line);
    if (!match?.[1] || !match[2]) return null;
    scanners.push({ id: `scanner-${index + 1}`, path: match[1], baudRate: Number(match[2]) });
  }
  return scanners;
}

export function DeviceSetupForm() {
  const t = useManagerTranslate();
  const settings = useAppStore((state) => state.settings);
  const locale = useAppStore((state) => state.locale);
  const [setup, setSetup] = useState<DeviceSetup | null>(null);
  const [printer, setPrinter] = useState<PrinterSetup | null>(null);
  const [scanners, setScanners] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);

  useEffect(() => {
    void services()
      .api.invoke('config/devices', null)
      .then((result) => {
        if (!result.ok) return;
        setSetup(result.value);
        setPrinter(result.value.printer);
        setScanners(scannersText(result.value.scanners));
      });
  }, []);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = parseScanners(scanners);
    if (!parsed) {
      setMessage({ kind: 'error', text: t('settings.badScanners') });
      return;
    }
    const result = await services().api.invoke('config/set-devices', {
      printer,
      scanners: parsed,
      poleDisplay: setup?.poleDisplay ?? null,
    });
    if (!result.ok) {
      // The host's reason is English, for its log; the manager gets what to do in their language.
      setMessage({
        kind: 'error',
        text: t('settings.notAccepted', { printer: printer?.url ?? '', scanners }),
      });
      return;
    }
    setSetup(result.value);
    setMessage({ kind: 'notice', text: t('settings.saved') });
  }

  async function testPrint(): Promise<void> {
    const result = await services().api.invoke('printer/test', {
      storeName: settings?.name ?? services().config.storeId,
      locale,
    });
    setMessage(
      result.ok
        ? { kind: 'notice', text: t('settings.testQueued') }
        : { kind: 'error', text: deviceProblem(currentTranslate(), 'printer', result.code) },
    );
  }

  const change = (patch: Partial<PrinterSetup>) =>
    setPrinter((current) => (current ? { ...current, ...patch } : current));

  return (
    <form
      className="manager-card"
      onSubmit={(event) => void save(event)}
      data-testid="device-setup"
    >
      <h2>{t('settings.printer')}</h2>
      <label>
        <input
          type="checkbox"
          checked={printer === null}
          onChange={(event) =>
            setPrinter(event.target.checked ? null : (setup?.printer ?? NEW_PRINTER))
          }
        />{' '}
        {t('settings.noPrinter')}
      </label>
      {printer && (
        <div className="form-grid">
          <label>
            {t('settings.printerUrl')}
            <input
              value={printer.url}
              onChange={(event) => change({ url: event.target.value.trim() })}
            />
          </label>
          <label>
            {t('settings.printerType')}
            <select
              value={printer.type}
              onChange={(event) =>
                change({ type: event.target.value === 'star' ? 'star' : 'epson' })
              }
            >
              <option value="epson">EPSON (ESC/POS)</option>
              <option value="star">STAR</option>
            </select>
          </label>
          <label>
            {t('settings.paperWidth')}
            <select
              value={printer.widthMm}
              onChange={(event) => change({ widthMm: event.target.value === '58' ? 58 : 80 })}
            >
              <option value="80">80</option>
              <option value="58">58</option>
            </select>
          </label>
          <label>
            {t('settings.printMode')}
            <select
              value={printer.mode}
              onChange={(event) =>
                change({ mode: event.target.value === 'raster' ? 'raster' : 'codepage' })
              }
            >
              <option value="codepage">code page</option>
              <option value="raster">raster</option>
            </select>
          </label>
          <label>
            {t('settings.codepage')}
            <select
              value={printer.codepage}
              onChange={(event) =>
                change({ codepage: event.target.value === 'tcvn3' ? 'tcvn3' : 'cp1258' })
              }
            >
              <option value="cp1258">Windows-1258</option>
              <option value="tcvn3">TCVN-3</option>
            </select>
          </label>
          <label>
            {t('settings.drawerPin')}
            <select
              value={printer.drawer.pin}
              onChange={(event) =>
                change({ drawer: { ...printer.drawer, pin: event.target.value === '5' ? 5 : 2 } })
              }
            >
              <option value="2">2</option>
              <option value="5">5</option>
            </select>
          </label>
        </div>
      )}
      <label>
        {t('settings.scanners')}
        <textarea rows={3} value={scanners} onChange={(event) => setScanners(event.target.value)} />
      </label>
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'notice'} role="alert">
          {message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={() => void testPrint()}>
          {t('settings.testPrint')}
        </button>
        <button type="submit" className="button-primary">
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
