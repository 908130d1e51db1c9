/**
 * The screen a signed-in member of staff sees for a route. Each area adds its route here; the
 * selling screen is the default.
 */
import { SellScreen } from '../screens/sell-screen';

export function StaffScreen(props: { route: string }) {
  switch (props.route) {
    default:
      return <SellScreen />;
  }
}
