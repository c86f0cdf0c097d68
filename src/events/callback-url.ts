// A listener may put credentials in its callback (http://user:secret@host/...). fetch refuses such a
// URL, so the relay sends them as Basic authorization; anywhere the callback is shown, they are not.

/** The URL without its credentials, and the Authorization header they stand for, if any. */
export function splitCredentials(callback: string): { url: string; authorization?: string } {
  const url = new URL(callback);
  if (!url.username && !url.password) return { url: callback };
  const userInfo = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url: url.href, authorization: `Basic ${Buffer.from(userInfo).toString('base64')}` };
}

/** The URL as a reader may see it: credentials masked. */
export function withoutCredentials(callback: string): string {
  const url = new URL(callback);
  if (!url.username && !url.password) return callback;
  url.username = '***';
  url.password = '';
  return url.href;
}
