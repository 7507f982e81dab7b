/** Editing, validating and deploying BPMN, DMN and forms in the browser. */
package dev.loopkeeper.modeling;
