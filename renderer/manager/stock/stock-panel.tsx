export function StockPanel() {
  return null;
}
