/** The shared printer driver suite, once per transport. */
import { describePrinterDriver } from './support/printer-driver-suite';
import { fileHarness, serialHarness, tcpHarness } from './support/printer-harnesses';

describePrinterDriver('TCP (capture server on 127.0.0.1)', () => tcpHarness());
describePrinterDriver('serial (socat pseudo-terminal pair)', () => serialHarness());
describePrinterDriver('a USB printer device file', () => fileHarness());
