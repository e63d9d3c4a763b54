#pragma once

namespace demo {

struct Node { virtual ~Node(); int id; };
struct Tagged { virtual const char* tag() const; int flags; };
// Tagged first: Node sits at offset 16 of an Element.
struct Element : Tagged, Node { };

struct Builder { virtual ~Builder(); virtual Node* build(); };
// Returns Element* in NEW: converting it to Node* moves the pointer, so the overrider takes a
// new slot of its own before reset() (Itanium 2.5.2).
struct ElementBuilder : Builder {
  Element* build() override;
  virtual void reset();
};

// A nearly empty virtual base is the primary base: its slot notify() is shared, not Listener's own.
struct Observer { virtual void notify(); };
struct Listener : virtual Observer {
  void notify() override;
  virtual void listen();
};

}  // namespace demo
