/**
 * The `proxy` setting for the bot's axios clients. Axios looks for a proxy in the environment on every request
 * (proxy-from-env reads up to twelve variables per call, 1 % of a turn's CPU in the bench's profile). The
 * environment of a running server does not change, so it is looked at once, when a client is made: with no proxy
 * variable set, `false` turns the lookup off; with one set, axios keeps reading it (and NO_PROXY) as before.
 */
const PROXY_VARIABLE = /^(?:npm_config_)?(?:https?|all)_proxy$|^npm_config_proxy$/i;

export function proxySetting(env: NodeJS.ProcessEnv = process.env): false | undefined {
  const named = Object.keys(env).some((name) => PROXY_VARIABLE.test(name) && Boolean(env[name]));
  return named ? undefined : false;
}
