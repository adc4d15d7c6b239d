<?php
/**
 * The OpenCart event the module registers on install (catalog/model/checkout/order/addOrderHistory/after): every new
 * order history entry, from the checkout, the API or the admin's order page (which goes through the API), is told
 * to the bot at once. Failures are ignored; the bot polls the order anyway.
 */
class ControllerExtensionModuleOrderBotEvents extends Controller {
	public function history(&$route, &$args, &$output) {
		$bot_url = (string)$this->config->get('module_order_bot_url');
		$secret = (string)$this->config->get('module_order_bot_secret');

		if (!$this->config->get('module_order_bot_status') || $bot_url === '' || $secret === '' || !isset($args[0])) {
			return;
		}

		require_once(DIR_SYSTEM . 'library/order_bot/events.php');

		OrderBotEvents::notify($bot_url, $secret, (int)$args[0], isset($args[1]) ? (int)$args[1] : 0);
	}
}
