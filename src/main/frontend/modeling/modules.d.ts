// Type declarations for the editor libraries that ship none (bpmn-js and form-js ship their own).
declare module 'bpmn-js-properties-panel';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform';
declare module 'dmn-js/lib/Modeler';
declare module 'camunda-bpmn-moddle/resources/camunda.json';
declare module 'camunda-dmn-moddle/resources/camunda.json';
