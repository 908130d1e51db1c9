/**
 * The points the open sale may take, for the payment panel's points tender: the customer's
 * balance as the sale sees it (its own holds not counted twice) and the cap left for this sale,
 * the one completion checks, with the register's offline allowance when the server is away.
 */
import { useEffect, useState } from 'react';
import type { LoyaltyProgramRules } from '../../../src/loyalty';
import type { Minor } from '../../../src/money';
import { useCustomerStore } from '../customer-store';
import { useAppStore } from '../../state/app-store';
import { offlinePointsAllowed } from './points-holds';
import { pointsBeforeSale, pointsCap } from '../sale-points';

export function usePointsCap(input: {
  saleId: string | null;
  saleTotal: Minor;
  tendered: number;
  program: LoyaltyProgramRules | undefined;
  /** Only worth asking the offline allowance while the points tender is chosen. */
  active: boolean;
}): { available: number; cap: number } {
  const customer = useCustomerStore((state) => state.customer);
  const entries = useCustomerStore((state) => state.entries);
  const online = useAppStore((state) => state.sync.online);
  const [offlineAllowed, setOfflineAllowed] = useState<number | undefined>(undefined);
  const { saleTotal, active, program } = input;
  const offline = !online && customer !== null && active;
  useEffect(() => {
    if (!offline || !customer) return;
    let live = true;
    void offlinePointsAllowed(customer.id, saleTotal).then((allowed) => {
      if (live) setOfflineAllowed(allowed);
    });
    return () => {
      live = false;
    };
  }, [offline, customer, saleTotal, entries]);
  const available = customer ? pointsBeforeSale(entries, customer.id, input.saleId) : 0;
  const cap = program
    ? pointsCap(
        {
          available,
          saleTotal,
          tendered: input.tendered,
          // Until the register's allowance is known offline, nothing beyond the program's cap.
          ...(offline && offlineAllowed !== undefined ? { offlineAllowed } : {}),
        },
        program,
      )
    : 0;
  return { available, cap };
}
