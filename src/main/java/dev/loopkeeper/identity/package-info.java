/** Users, groups and roles (kept in Camunda's identity service), Spring Security, login. */
package dev.loopkeeper.identity;
