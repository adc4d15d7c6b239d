<?php
/**
 * Tells the bot at once that an order's history changed: a JSON body {order_id, order_status_id, ts} posted to the
 * bot's /api/opencart/events, signed with the secret shared with the bot (HMAC-SHA256 over the scheme, the
 * timestamp and the raw body; src/server/opencart-events there). Short timeout; any failure is ignored (the bot
 * also polls the order).
 */
class OrderBotEvents {
	const SCHEME = 'opencart-order-bot/event/v1';
	const PATH = '/api/opencart/events';
	const TIMEOUT_SECONDS = 2;

	/** The body and the headers of one notification. */
	public static function signed($order_id, $order_status_id, $timestamp, $secret) {
		$body = json_encode(array('order_id' => (int)$order_id, 'order_status_id' => (int)$order_status_id, 'ts' => (int)$timestamp));

		$signature = hash_hmac('sha256', self::SCHEME . "\n" . (int)$timestamp . "\n" . $body, (string)$secret);

		return array(
			'body'    => $body,
			'headers' => array(
				'Content-Type: application/json',
				'X-Order-Bot-Timestamp: ' . (int)$timestamp,
				'X-Order-Bot-Signature: ' . $signature
			)
		);
	}

	/** Posts the notification; true when the bot accepted it. Never throws. */
	public static function notify($bot_url, $secret, $order_id, $order_status_id) {
		$bot_url = rtrim((string)$bot_url, '/');

		if ($bot_url === '' || (string)$secret === '' || (int)$order_id < 1 || !preg_match('~^https?://~i', $bot_url)) {
			return false;
		}

		$message = self::signed($order_id, $order_status_id, time(), $secret);

		try {
			if (function_exists('curl_init')) {
				return self::viaCurl($bot_url . self::PATH, $message);
			}

			return self::viaStream($bot_url . self::PATH, $message);
		} catch (Exception $e) {
			return false;
		}
	}

	private static function viaCurl($url, $message) {
		$curl = curl_init($url);

		curl_setopt($curl, CURLOPT_POST, true);
		curl_setopt($curl, CURLOPT_POSTFIELDS, $message['body']);
		curl_setopt($curl, CURLOPT_HTTPHEADER, $message['headers']);
		curl_setopt($curl, CURLOPT_RETURNTRANSFER, true);
		curl_setopt($curl, CURLOPT_CONNECTTIMEOUT, self::TIMEOUT_SECONDS);
		curl_setopt($curl, CURLOPT_TIMEOUT, self::TIMEOUT_SECONDS);

		curl_exec($curl);

		$status = (int)curl_getinfo($curl, CURLINFO_HTTP_CODE);

		curl_close($curl);

		return $status === 202;
	}

	private static function viaStream($url, $message) {
		$context = stream_context_create(array('http' => array(
			'method'        => 'POST',
			'header'        => implode("\r\n", $message['headers']),
			'content'       => $message['body'],
			'timeout'       => self::TIMEOUT_SECONDS,
			'ignore_errors' => true
		)));

		$answer = @file_get_contents($url, false, $context);

		if ($answer === false || !isset($http_response_header[0])) {
			return false;
		}

		return preg_match('~^HTTP/\S+ 202~', $http_response_header[0]) === 1;
	}
}
