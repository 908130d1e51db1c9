/**
 * The screen a signed-in member of staff sees for a route. Each area adds its route here; the
 * selling screen is the default.
 */
import { SellScreen } from '../screens/sell-screen';
import { CustomerHistoryScreen } from '../omnichannel/customer-history-screen';
import { PickupScreen } from '../omnichannel/pickup-screen';
import { ReturnsScreen } from '../omnichannel/returns-screen';

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
