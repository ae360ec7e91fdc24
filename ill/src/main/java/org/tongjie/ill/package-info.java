/** Interlibrary loan: requests, their states and events, routing to lenders, transit and loans. */
package org.tongjie.ill;
