/**
 * The screen a signed-in member of staff sees for a route. Each area adds its route here; the
 * selling screen is the default.
 */
import { SellScreen } from '../sell/ui/sell-screen';
import { CustomerHistoryScreen } from '../customers/customer-history-screen';
import { PickupScreen } from '../pickups/pickup-screen';
import { ReturnsScreen } from '../returns/returns-screen';

export function StaffScreen(props: { route: string }) {
  switch (props.route) {
    case '/orders':
      return <PickupScreen />;
    case '/returns':
      return <ReturnsScreen />;
    case '/customer-history':
      return <CustomerHistoryScreen />;
    default:
      return <SellScreen />;
  }
}
