/**
 * The screen a signed-in member of staff sees for a route. Each area adds its route here; the
 * selling screen is the default. Where one feature's flow continues in another (an exchange into
 * a sale, a customer's history into a return), the hand-over is wired here, so features never
 * import each other.
 */
import { openExchangeSale } from '../sell/exchange-sale';
import { SellScreen } from '../sell/ui/sell-screen';
import { CustomerHistoryScreen } from '../customers/customer-history-screen';
import { PickupScreen } from '../pickups/pickup-screen';
import { startReturnOf } from '../returns/return-flow';
import { ReturnsScreen } from '../returns/returns-screen';

export function StaffScreen(props: { route: string }) {
  switch (props.route) {
    case '/orders':
      return <PickupScreen />;
    case '/returns':
      return <ReturnsScreen openExchange={openExchangeSale} />;
    case '/customer-history':
      return <CustomerHistoryScreen startReturn={startReturnOf} />;
    default:
      return <SellScreen />;
  }
}
