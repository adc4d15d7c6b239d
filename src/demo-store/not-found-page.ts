import { htmlEscape } from './php';

/** The storefront's "page not found" answer (HTTP 404, HTML), also used for unknown api/ routes. */
export function notFoundPage(baseUrl: string): string {
  return `<!DOCTYPE html>
<html dir="ltr" lang="en">
<head>
<meta charset="UTF-8" />
<title>The page you requested cannot be found!</title>
<base href="${htmlEscape(baseUrl)}" />
</head>
<body>
<div id="error-not-found" class="container">
  <h1>The page you requested cannot be found!</h1>
  <p>The page you requested cannot be found.</p>
  <div class="buttons clearfix"><div class="pull-right"><a href="${htmlEscape(baseUrl)}index.php?route=common/home" class="btn btn-primary">Continue</a></div></div>
</div>
</body>
</html>
`;
}
