/**
 * Formats an ISO-8601 instant the way the guide shows dates (`2/15/2022 7:39 PM`), in the
 * workstation's local time. Null or unparsable values show as empty, as the guide's blank
 * "Create Date" does.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const hours = date.getHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const minutes = String(date.getMinutes()).padStart(2, '0');
  const meridiem = hours < 12 ? 'AM' : 'PM';
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()} ${hour12}:${minutes} ${meridiem}`;
}

/** "1 user" / "3 users": counts in messages read naturally. */
export function plural(count: number, one: string, many = one + 's'): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
