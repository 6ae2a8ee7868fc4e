/**
 * The format of tracking-service's signed links, one owner for both sides: {@link com.peptalk.trackinglinks.TrackingLinks}
 * builds open-pixel, click and one-click unsubscribe URLs (delivery-service) and verifies them (tracking-service).
 */
package com.peptalk.trackinglinks;
