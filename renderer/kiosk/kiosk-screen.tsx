export function KioskScreen() {
  return null;
}
