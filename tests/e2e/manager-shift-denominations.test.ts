/**
 * The drawer counted note by note: the float opened with the denomination grid (a + button for
 * touch, arrow keys and typed counts for the keyboard) and its running total, the blind count at
 * close made the same way, the notes kept in the synced shift and printed on the Z report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { managerScreen } from './helpers/manager-screen';
import { startManagerStack } from './helpers/manager-stack';
import type { ManagerStack } from './helpers/manager-stack';

interface ShiftOnServer {
  status?: string;
  openingFloat?: number;
  openingDenominations?: { value: number; count: number }[];
  closing?: {
    tenders: { tender: string; counted: number | null; denominations?: unknown }[];
    totalOverShort: number;
  };
}

describe('cash counted by denomination at opening and closing', () => {
  let stack: ManagerStack;
  let browser: TestBrowser;

  beforeAll(async () => {
    stack = await startManagerStack();
    browser = await openBrowser(stack.app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function shiftOnServer(id: string): Promise<ShiftOnServer> {
    const response = await fetch(`${stack.server.url}/db/shifts-hcm-q1/${id}`, {
      headers: { Authorization: stack.server.adminAuth },
    });
    return response.ok ? ((await response.json()) as ShiftOnServer) : {};
  }

  it('opens with a float counted by note, and closes counted by note, 10,000 ₫ short', async () => {
    const { page } = browser;
    await managerScreen.signInAndWait(page, '9999');
    await page.getByTestId('register-gate').waitFor();

    // 1 × 500,000 by touch, 2 × 50,000 with the arrow key, 5 × 10,000 typed.
    await page.getByRole('button', { name: /Thêm một tờ 500\.000/ }).click();
    await page.getByTestId('opening-float-notes-50000').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.getByTestId('opening-float-notes-10000').fill('5');
    await expect(page.getByTestId('opening-float-notes-total').textContent()).resolves.toMatch(
      /650\.000/,
    );
    // The total comes from the notes and cannot be typed over meanwhile.
    await expect(page.getByTestId('opening-float').inputValue()).resolves.toMatch(/650\.000/);
    await expect(
      page.getByTestId('opening-float').getAttribute('readonly'),
    ).resolves.not.toBeNull();
    await page.getByTestId('open-shift').click();
    await page.getByTestId('register-gate').waitFor({ state: 'detached' });

    await managerScreen.open(page, 'shift');
    const shiftId = await managerScreen.shiftId(page);
    await expect
      .poll(async () => (await shiftOnServer(shiftId)).openingDenominations, { timeout: 20_000 })
      .toEqual([
        { value: 500_000, count: 1 },
        { value: 50_000, count: 2 },
        { value: 10_000, count: 5 },
      ]);
    expect((await shiftOnServer(shiftId)).openingFloat).toBe(650_000);

    // The blind count: 1 × 500,000, 1 × 100,000, 2 × 20,000 = 640,000 against 650,000.
    await page.getByTestId('count-cash-notes-500000').fill('1');
    await page.getByTestId('count-cash-notes-100000').fill('1');
    await page.getByTestId('count-cash-notes-20000').fill('2');
    await expect(page.getByTestId('count-cash-notes-total').textContent()).resolves.toMatch(
      /640\.000/,
    );
    await page.getByTestId('close-shift').click();
    await page.getByTestId('close-shift').click();
    await page.getByTestId('z-report').waitFor();
    await expect(
      managerScreen.reportCell(page, 'z-report-table', 'cash', 'counted'),
    ).resolves.toMatch(/640\.000/);
    await expect(
      managerScreen.reportCell(page, 'z-report-table', 'cash', 'over-short'),
    ).resolves.toMatch(/-10\.000/);
    const receipt = (await page.getByTestId('z-receipt').textContent()) ?? '';
    expect(receipt).toMatch(/500\.000 × 1 tờ\s+500\.000/);
    expect(receipt).toMatch(/20\.000 × 2 tờ\s+40\.000/);

    await expect
      .poll(async () => (await shiftOnServer(shiftId)).closing?.tenders[0], { timeout: 20_000 })
      .toMatchObject({
        tender: 'cash',
        counted: 640_000,
        denominations: [
          { value: 500_000, count: 1 },
          { value: 100_000, count: 1 },
          { value: 20_000, count: 2 },
        ],
      });
  });

  it('a count that is no number is refused, and the total alone still opens the register', async () => {
    const { page } = browser;
    await page.getByTestId('manager-back').click();
    await page.getByTestId('register-gate').waitFor();
    await page.getByTestId('opening-float-notes-1000').fill('ba');
    await page.getByTestId('open-shift').click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/số nguyên/);
    await page.getByRole('button', { name: /Xóa số tờ/ }).click();
    await managerScreen.openRegister(page, '300.000');
  });

  it('logs no errors', () => {
    expect(browser.consoleErrors.filter((text) => !/404/.test(text))).toEqual([]);
  });
});
