/** The login form: plain HTML, no script; the only dashboard page open without a session. */
const WORDS = {
  'zh-Hant': ['科普之窗 屏幕管理 登入', '帳號', '密碼', '登入', '帳號或密碼不對。'],
  'zh-Hans': ['科普之窗 屏幕管理 登录', '账号', '密码', '登录', '账号或密码不对。'],
  en: ['Science windows fleet: sign in', 'Name', 'Password', 'Sign in', 'Wrong name or password.'],
} as const;

export type Lang = keyof typeof WORDS;

export function pickLang(acceptLanguage: string): Lang {
  const a = acceptLanguage.toLowerCase();
  if (/^zh-(cn|hans|sg)/.test(a)) return 'zh-Hans';
  if (/^en/.test(a)) return 'en';
  return 'zh-Hant';
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function loginPage(csrf: string, acceptLanguage: string, failed: boolean): string {
  const lang = pickLang(acceptLanguage);
  const [title, name, password, submit, wrong] = WORDS[lang];
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title><link rel="stylesheet" href="/fleet/login.css" /></head>
<body><main>
<h1>${title}</h1>
${failed ? `<p role="alert" class="error">${wrong}</p>` : ''}
<form method="post" action="/fleet/login">
<input type="hidden" name="csrf" value="${escape(csrf)}" />
<label for="name">${name}</label><input id="name" name="name" autocomplete="username" required maxlength="64" />
<label for="password">${password}</label><input id="password" name="password" type="password" autocomplete="current-password" required />
<button type="submit">${submit}</button>
</form>
</main></body></html>`;
}

export const LOGIN_CSS = `body{font-family:"Noto Sans CJK TC",system-ui,sans-serif;background:#f4f6f5;color:#102a22;margin:0}
main{max-width:22rem;margin:10vh auto;padding:2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 4px #0003}
h1{font-size:1.25rem}label{display:block;margin-top:1rem}input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
button{margin-top:1.5rem;padding:.5rem 1.5rem;font:inherit;background:#0b3d2e;color:#fff;border:0;border-radius:.25rem}
.error{color:#a00000;font-weight:bold}`;
