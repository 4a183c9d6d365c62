// Hands a file to the browser as a download (no server round trip, nothing in URLs but a blob).
import type { DownloadFile } from './claim-json.ts';

export function saveFile(file: DownloadFile): void {
  const blob = new Blob([file.content], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
